using System.Globalization;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Acks;
using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Notifications.Templates;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Notifications.Outbox;

/// <summary>
/// Turns an incident and its recipients into outbox rows: one per recipient, each with its own
/// stable Message-Id and confirmation link. Adds the subject prefix in code so an edited template
/// cannot lose it: "[DIỄN TẬP]" for drills (never "[TBSC]"), "[TBSC]" when an authority is told.
/// </summary>
public sealed class NotificationComposer(
    TemplateRenderer renderer,
    AckTokenService tokens,
    IOptionsMonitor<NotificationsOptions> options,
    TimeProvider time)
{
    public const string AuthorityPrefix = "[TBSC]";
    public const string DrillPrefix = "[DIỄN TẬP]";

    public IReadOnlyList<OutboxMessage> Compose(
        string kind,
        IncidentSnapshot? incident,
        IReadOnlyList<Recipient> recipients,
        IReadOnlyDictionary<string, string> extra,
        bool isDrill,
        IncidentSeverity severity)
    {
        if (recipients.Count == 0)
            return [];
        var now = time.GetUtcNow();
        var opts = options.CurrentValue;
        var toList = recipients.Where(r => r.IsTo).Select(r => Address(r)).ToList();
        var ccList = recipients.Where(r => !r.IsTo).Select(r => Address(r)).ToList();
        var toAuthority = !isDrill && recipients.Any(r => r.IsAuthority);
        var messages = new List<OutboxMessage>(recipients.Count);
        foreach (var recipient in recipients)
        {
            var key = Guid.NewGuid().ToString("N");
            var values = incident is null ? new Dictionary<string, string>() : IncidentValues(incident);
            foreach (var (name, value) in extra)
                values[name] = value;
            values["recipient_name"] = recipient.Name;
            values["ack_url"] = AckUrl(opts, tokens.Create(key, now + opts.Acknowledgement.TokenLifetime));
            var rendered = renderer.Render(kind, values);
            var subject = Prefix(rendered.Subject, isDrill, toAuthority);
            messages.Add(new OutboxMessage(
                0, incident?.IncidentId, kind, recipient.ContactId, recipient.Email, recipient.Name, toList, ccList,
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

    public static Dictionary<string, string> IncidentValues(IncidentSnapshot i) => new(StringComparer.Ordinal)
    {
        ["incident_id"] = i.IncidentId.ToString(CultureInfo.InvariantCulture),
        ["title"] = i.Title,
        ["severity"] = VietnameseLabels.Severity(i.Severity),
        ["category"] = VietnameseLabels.Category(i.Category),
        ["state"] = VietnameseLabels.State(i.State),
        ["unit"] = i.Unit,
        ["host"] = i.Host,
        ["rule"] = i.RuleTitle is null ? i.RuleId ?? "" : $"{i.RuleTitle} ({i.RuleId})",
        ["tags"] = string.Join(", ", i.Tags),
        ["first_seen"] = VietnameseLabels.Time(i.FirstSeen),
        ["last_seen"] = VietnameseLabels.Time(i.LastSeen),
        ["count"] = i.Count.ToString(CultureInfo.InvariantCulture),
        ["what_happened"] = i.Explanation?.WhatHappened ?? "",
        ["why_it_matters"] = i.Explanation?.WhyItMatters ?? "",
        ["what_to_do"] = string.Join("\n", (i.Explanation?.WhatToDo ?? []).Select((step, n) => $"{n + 1}. {step}")),
    };

    private static string AckUrl(NotificationsOptions opts, string token) =>
        $"{opts.Acknowledgement.PublicBaseUrl.TrimEnd('/')}/notifications/ack/{token}";

    private static MailParty Address(Recipient r) => new(r.Name == r.Email ? "" : r.Name, r.Email);
}
