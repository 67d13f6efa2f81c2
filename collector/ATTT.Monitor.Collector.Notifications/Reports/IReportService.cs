namespace ATTT.Monitor.Collector.Reports;

/// <summary>The authorities' reports for the dashboard: make a draft from the incident, edit it, render it, send it.</summary>
public interface IReportService
{
    /// <summary>The open draft of this form for the incident, made from the incident if there is none.</summary>
    Task<IncidentReport> CreateDraftAsync(long incidentId, string form, CancellationToken cancellationToken);

    Task<IncidentReport?> GetAsync(long reportId, CancellationToken cancellationToken);

    Task<IReadOnlyList<IncidentReport>> ListAsync(long incidentId, CancellationToken cancellationToken);

    /// <summary>Saves an officer's edits; refused (InvalidOperationException) once the report was sent.</summary>
    Task<IncidentReport> UpdateAsync(long reportId, ReportFields fields, CancellationToken cancellationToken);

    /// <summary>A printable HTML page (A4), every value encoded.</summary>
    string RenderHtml(IncidentReport report);

    /// <summary>The same report as PDF with an embedded Unicode font.</summary>
    byte[] RenderPdf(IncidentReport report);

    /// <summary>Queues the report with its PDF attached to the incident's recipients, marks it sent and meets its deadlines.</summary>
    Task<IncidentReport> SendAsync(long reportId, CancellationToken cancellationToken);
}
