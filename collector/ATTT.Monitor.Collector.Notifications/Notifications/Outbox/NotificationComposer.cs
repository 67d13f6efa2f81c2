using System.Globalization;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Acks;
using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Notifications.Templates;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Notifications.Outbox;

/// <summary>
/// Turns an incident and its recipients into outbox rows: one per recipient, each addressed to that
/// recipient alone (To: the contact's name and address) with its own stable Message-Id and
/// confirmation link, greeting the contact by name, and naming in the body who else was told.
/// Adds the subject prefix in code so an edited template cannot lose it: "[DIỄN TẬP]" for drills
/// (never "[TBSC]"), "[TBSC]" when an authority is told.
/// </summary>
internal sealed class NotificationComposer(
    TemplateRenderer renderer,
    AckTokenService tokens,
    IOptionsMonitor<NotificationsOptions> options,
    TimeProvider time)
{
    public const string AuthorityPrefix = "[TBSC]";
    public const string DrillPrefix = "[DIỄN TẬP]";

    public IReadOnlyList<OutboxMessage> Compose(
        string kind,
        Incident? incident,
        IReadOnlyList<Recipient> recipients,
        IReadOnlyDictionary<string, string> extra,
        bool isDrill,
        IncidentSeverity severity)
    {
        if (recipients.Count == 0)
            return [];
        var now = time.GetUtcNow();
        var opts = options.CurrentValue;
        var toAuthority = !isDrill && recipients.Any(r => r.IsAuthority);
        var messages = new List<OutboxMessage>(recipients.Count);
        foreach (var recipient in recipients)
        {
            var key = Guid.NewGuid().ToString("N");
            var values = incident is null ? new Dictionary<string, string>() : IncidentValues(incident, NotificationIncidentStore.IsBackfill(incident, opts));
            foreach (var (name, value) in extra)
                values[name] = value;
            values["recipient_name"] = Greeting(recipient);
            values["notified"] = Notified(recipients);
            values["ack_url"] = AckUrl(opts, tokens.Create(key, now + opts.Acknowledgement.TokenLifetime));
            var rendered = renderer.Render(kind, values);
            var subject = Prefix(rendered.Subject, isDrill, toAuthority);
            messages.Add(new OutboxMessage(
                0, incident?.Id, kind, recipient.ContactId, recipient.Email, recipient.Name, [Address(recipient)], [],
                subject, rendered.TextBody, rendered.HtmlBody, $"{key}@{opts.Smtp.MessageIdDomain}",
                isDrill, recipient.IsAuthority && !isDrill, severity, OutboxStatus.Pending, 0, now, null, now, null));
        }

        return messages;
    }

    public static string Prefix(string subject, bool isDrill, bool toAuthority)
    {
        if (isDrill)
        {
            // A drill must never look like a real notice to the authorities.
            var clean = subject.Replace(AuthorityPrefix, "", StringComparison.OrdinalIgnoreCase).Trim();
            return clean.StartsWith(DrillPrefix, StringComparison.Ordinal) ? clean : $"{DrillPrefix} {clean}";
        }

        return toAuthority && !subject.StartsWith(AuthorityPrefix, StringComparison.Ordinal) ? $"{AuthorityPrefix} {subject}" : subject;
    }

    public static Dictionary<string, string> IncidentValues(Incident i, bool backfill) => new(StringComparer.Ordinal)
    {
        ["incident_id"] = i.Id.ToString(CultureInfo.InvariantCulture),
        ["title"] = i.Title,
        ["severity"] = VietnameseLabels.Severity(i.Severity),
        ["category"] = VietnameseLabels.Category(i.Category),
        ["state"] = VietnameseLabels.State(i.State),
        ["unit"] = ATTT.Monitor.Collector.Access.UnitNames.Vietnamese(i.Unit),
        ["host"] = i.Host,
        ["rule"] = i.RuleTitle is null ? i.RuleId ?? "" : $"{i.RuleTitle} ({i.RuleId})",
        ["tags"] = string.Join(", ", i.Tags),
        ["first_seen"] = VietnameseLabels.Time(i.FirstSeen),
        ["detected_at"] = VietnameseLabels.Time(i.CreatedAt == default ? i.FirstSeen : i.CreatedAt),
        ["backfill"] = backfill
            ? $"Lưu ý: dữ liệu gửi bù - các sự kiện xảy ra từ {VietnameseLabels.Time(i.FirstSeen)}, bộ thu chỉ nhận được và phát hiện lúc {VietnameseLabels.Time(i.CreatedAt)}; thời hạn tính từ lúc phát hiện."
            : "",
        ["last_seen"] = VietnameseLabels.Time(i.LastSeen),
        ["count"] = i.Count.ToString(CultureInfo.InvariantCulture),
        ["what_happened"] = i.Explanation?.WhatHappened ?? "",
        ["why_it_matters"] = i.Explanation?.WhyItMatters ?? "",
        ["what_to_do"] = string.Join("\n", (i.Explanation?.WhatToDo ?? []).Select((step, n) => $"{n + 1}. {step}")),
    };

    private static string AckUrl(NotificationsOptions opts, string token) =>
        $"{opts.Acknowledgement.PublicBaseUrl.TrimEnd('/')}/notifications/ack/{token}";

    private static MailParty Address(Recipient r) => new(r.Name == r.Email ? "" : r.Name, r.Email);

    /// <summary>The contact's name; a mailbox configured without one is greeted politely, never by its address.</summary>
    public static string Greeting(Recipient r) =>
        string.IsNullOrWhiteSpace(r.Name) || string.Equals(r.Name.Trim(), r.Email, StringComparison.OrdinalIgnoreCase) ? "Quý cơ quan, đơn vị" : r.Name.Trim();

    /// <summary>Everyone this message goes to, as the notice's "who has been told" line (Mẫu 03).</summary>
    private static string Notified(IReadOnlyList<Recipient> recipients) =>
        string.Join("; ", recipients.Select(r => string.IsNullOrWhiteSpace(r.Name) || r.Name == r.Email ? r.Email : $"{r.Name} <{r.Email}>"));
}
