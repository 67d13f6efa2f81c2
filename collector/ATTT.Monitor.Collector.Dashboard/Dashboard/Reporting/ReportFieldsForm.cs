using System.ComponentModel.DataAnnotations;
using ATTT.Monitor.Collector.Reports;

namespace ATTT.Monitor.Collector.Dashboard.Reporting;

/// <summary>
/// The editable fields of Biểu mẫu 03/04 as posted by the report page. Kept apart from
/// <see cref="ReportFields"/> so that model binding only ever fills this form, with length limits.
/// </summary>
public sealed class ReportFieldsForm
{
    public const int ShortText = 500;
    public const int LongText = 8000;

    [StringLength(ShortText)] public string? ReportingOrganisation { get; set; }
    [StringLength(ShortText)] public string? ReportingAddress { get; set; }
    [StringLength(ShortText)] public string? ContactName { get; set; }
    [StringLength(ShortText)] public string? ContactPhone { get; set; }
    [StringLength(ShortText)] public string? ContactEmail { get; set; }
    [StringLength(ShortText)] public string? Operator { get; set; }
    [StringLength(ShortText)] public string? Owner { get; set; }
    [StringLength(ShortText)] public string? SystemName { get; set; }
    [StringLength(ShortText)] public string? DomainOrIp { get; set; }
    [Range(1, 5)] public int SecurityLevel { get; set; } = 2;
    [StringLength(LongText)] public string? Description { get; set; }
    [StringLength(ShortText)] public string? DetectedAt { get; set; }
    [StringLength(ShortText)] public string? IncidentStatus { get; set; }
    [StringLength(LongText)] public string? DetectionMethod { get; set; }
    [StringLength(LongText)] public string? AlreadyNotified { get; set; }
    [StringLength(LongText)] public string? OperatingSystems { get; set; }
    [StringLength(LongText)] public string? Services { get; set; }
    [StringLength(LongText)] public string? MeasuresInPlace { get; set; }
    [StringLength(LongText)] public string? SupportRequested { get; set; }
    public bool KeepConfidential { get; set; }
    [StringLength(ShortText)] public string? ReportedAt { get; set; }
    [StringLength(ShortText)] public string? Signatory { get; set; }
    [StringLength(ShortText)] public string? InitialReportNumber { get; set; }
    [StringLength(ShortText)] public string? InitialReportDate { get; set; }
    [StringLength(LongText)] public string? HandlingResult { get; set; }
    [StringLength(LongText)] public string? Attachments { get; set; }

    /// <summary>One text field of the form for the page: property name, value, multi-line, only on Biểu mẫu 04.</summary>
    public sealed record TextField(string Name, string? Value, bool MultiLine, bool ClosingOnly, int MaxLength);

    /// <summary>The text fields in the order of the form (security level and confidentiality are shown apart).</summary>
    public IEnumerable<TextField> TextFields()
    {
        yield return new(nameof(InitialReportNumber), InitialReportNumber, false, true, ShortText);
        yield return new(nameof(InitialReportDate), InitialReportDate, false, true, ShortText);
        yield return new(nameof(ReportingOrganisation), ReportingOrganisation, false, false, ShortText);
        yield return new(nameof(ReportingAddress), ReportingAddress, false, false, ShortText);
        yield return new(nameof(ContactName), ContactName, false, false, ShortText);
        yield return new(nameof(ContactPhone), ContactPhone, false, false, ShortText);
        yield return new(nameof(ContactEmail), ContactEmail, false, false, ShortText);
        yield return new(nameof(Operator), Operator, false, false, ShortText);
        yield return new(nameof(Owner), Owner, false, false, ShortText);
        yield return new(nameof(SystemName), SystemName, false, false, ShortText);
        yield return new(nameof(DomainOrIp), DomainOrIp, false, false, ShortText);
        yield return new(nameof(Description), Description, true, false, LongText);
        yield return new(nameof(DetectedAt), DetectedAt, false, false, ShortText);
        yield return new(nameof(IncidentStatus), IncidentStatus, false, false, ShortText);
        yield return new(nameof(DetectionMethod), DetectionMethod, true, false, LongText);
        yield return new(nameof(AlreadyNotified), AlreadyNotified, true, false, LongText);
        yield return new(nameof(OperatingSystems), OperatingSystems, true, false, LongText);
        yield return new(nameof(Services), Services, true, false, LongText);
        yield return new(nameof(MeasuresInPlace), MeasuresInPlace, true, false, LongText);
        yield return new(nameof(SupportRequested), SupportRequested, true, false, LongText);
        yield return new(nameof(HandlingResult), HandlingResult, true, true, LongText);
        yield return new(nameof(Attachments), Attachments, true, true, LongText);
        yield return new(nameof(ReportedAt), ReportedAt, false, false, ShortText);
        yield return new(nameof(Signatory), Signatory, false, false, ShortText);
    }

    public static ReportFieldsForm From(ReportFields f) => new()
    {
        ReportingOrganisation = f.ReportingOrganisation,
        ReportingAddress = f.ReportingAddress,
        ContactName = f.ContactName,
        ContactPhone = f.ContactPhone,
        ContactEmail = f.ContactEmail,
        Operator = f.Operator,
        Owner = f.Owner,
        SystemName = f.SystemName,
        DomainOrIp = f.DomainOrIp,
        SecurityLevel = f.SecurityLevel,
        Description = f.Description,
        DetectedAt = f.DetectedAt,
        IncidentStatus = f.IncidentStatus,
        DetectionMethod = f.DetectionMethod,
        AlreadyNotified = f.AlreadyNotified,
        OperatingSystems = f.OperatingSystems,
        Services = f.Services,
        MeasuresInPlace = f.MeasuresInPlace,
        SupportRequested = f.SupportRequested,
        KeepConfidential = f.KeepConfidential,
        ReportedAt = f.ReportedAt,
        Signatory = f.Signatory,
        InitialReportNumber = f.InitialReportNumber,
        InitialReportDate = f.InitialReportDate,
        HandlingResult = f.HandlingResult,
        Attachments = f.Attachments,
    };

    /// <summary>The stored fields with this form's values; the 04-only fields are kept when a 03 is edited.</summary>
    public ReportFields ApplyTo(ReportFields current, string form)
    {
        var closing = form == ReportForm.Closing;
        return new ReportFields
        {
            ReportingOrganisation = T(ReportingOrganisation),
            ReportingAddress = T(ReportingAddress),
            ContactName = T(ContactName),
            ContactPhone = T(ContactPhone),
            ContactEmail = T(ContactEmail),
            Operator = T(Operator),
            Owner = T(Owner),
            SystemName = T(SystemName),
            DomainOrIp = T(DomainOrIp),
            SecurityLevel = SecurityLevel,
            Description = T(Description),
            DetectedAt = T(DetectedAt),
            IncidentStatus = T(IncidentStatus),
            DetectionMethod = T(DetectionMethod),
            AlreadyNotified = T(AlreadyNotified),
            OperatingSystems = T(OperatingSystems),
            Services = T(Services),
            MeasuresInPlace = T(MeasuresInPlace),
            SupportRequested = T(SupportRequested),
            KeepConfidential = KeepConfidential,
            ReportedAt = T(ReportedAt),
            Signatory = T(Signatory),
            InitialReportNumber = closing ? T(InitialReportNumber) : current.InitialReportNumber,
            InitialReportDate = closing ? T(InitialReportDate) : current.InitialReportDate,
            HandlingResult = closing ? T(HandlingResult) : current.HandlingResult,
            Attachments = closing ? T(Attachments) : current.Attachments,
        };
    }

    // Browsers post textarea line breaks as CRLF; the renderers break lines on LF.
    private static string T(string? value) => (value ?? "").Trim().ReplaceLineEndings("\n");
}
