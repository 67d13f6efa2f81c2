using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Options;

namespace ATTT.Monitor.Collector.Notifications.Outbox;

/// <summary>
/// Decides who is told about an incident from the configured routing rules. Authorities are told
/// only from <see cref="BudgetOptions.AuthorityMinSeverity"/> up, and never about a silent PC alone.
/// Drill incidents never reach the routing rules' contacts: they go only to the drill recipient list.
/// </summary>
internal static class NotificationRouter
{
    public static IReadOnlyList<Recipient> Route(Incident incident, NotificationsOptions options)
    {
        if (incident.IsDrill)
            return DrillRecipients(options);

        var contacts = options.Contacts.Where(c => !string.IsNullOrWhiteSpace(c.Email))
            .GroupBy(c => c.Id, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var byEmail = new Dictionary<string, Recipient>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in options.Routes.Where(r => Matches(r, incident)))
        {
            foreach (var id in rule.To)
                Add(byEmail, contacts, id, isTo: true);
            foreach (var id in rule.Cc)
                Add(byEmail, contacts, id, isTo: false);
        }

        var authorities = TellsAuthorities(incident, options);
        return [.. byEmail.Values.Where(r => authorities || !r.IsAuthority).OrderByDescending(r => r.IsTo).ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>
    /// Who gets the notice of a personal-data breach: the routes that match the incident as a
    /// <c>data_breach</c>. A route that names <c>data_breach</c> among its categories (the
    /// data-protection agency's) reaches its authorities at any severity, as the law asks; other
    /// matching routes reach theirs only as they would for any incident.
    /// </summary>
    public static IReadOnlyList<Recipient> PersonalDataRoute(Incident incident, NotificationsOptions options)
    {
        if (incident.IsDrill)
            return DrillRecipients(options);
        var breach = incident with { Category = Incidents.IncidentCategory.DataBreach };
        var contacts = options.Contacts.Where(c => !string.IsNullOrWhiteSpace(c.Email))
            .GroupBy(c => c.Id, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var authorities = TellsAuthorities(breach, options);
        var byEmail = new Dictionary<string, Recipient>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in options.Routes.Where(r => Matches(r, breach)))
        {
            var named = rule.Categories.Contains(Incidents.IncidentCategory.DataBreach, StringComparer.OrdinalIgnoreCase);
            var told = new Dictionary<string, Recipient>(StringComparer.OrdinalIgnoreCase);
            foreach (var id in rule.To)
                Add(told, contacts, id, isTo: true);
            foreach (var id in rule.Cc)
                Add(told, contacts, id, isTo: false);
            foreach (var r in told.Values.Where(r => named || authorities || !r.IsAuthority))
            {
                if (!byEmail.TryGetValue(r.Email, out var existing) || (r.IsTo && !existing.IsTo))
                    byEmail[r.Email] = r;
            }
        }

        return [.. byEmail.Values.OrderByDescending(r => r.IsTo).ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Whether an incident may reach the authorities at all: serious enough, and more than a PC that stopped reporting.</summary>
    public static bool TellsAuthorities(Incident incident, NotificationsOptions options) =>
        !incident.IsDrill
        && incident.Severity >= options.Budget.AuthorityMinSeverity
        && !string.Equals(incident.Category, Incidents.IncidentCategory.AgentSilent, StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<Recipient> DrillRecipients(NotificationsOptions options) =>
        [.. options.DrillRecipients.Where(e => !string.IsNullOrWhiteSpace(e))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(e => e.Trim())
            .Select(e => options.Contacts.FirstOrDefault(c => string.Equals(c.Email?.Trim(), e, StringComparison.OrdinalIgnoreCase)) is { Name.Length: > 0 } c
                ? new Recipient(c.Id, c.Name, e, IsTo: true, IsAuthority: false)
                : new Recipient(null, "", e, IsTo: true, IsAuthority: false))];

    /// <summary>Contacts by id (escalation lists); unknown ids are skipped.</summary>
    public static IReadOnlyList<Recipient> Contacts(IEnumerable<string> ids, NotificationsOptions options) =>
        [.. ids.Select(id => options.Contacts.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase)))
            .Where(c => c is not null && !string.IsNullOrWhiteSpace(c.Email))
            .Select(c => new Recipient(c!.Id, c.Name, c.Email, IsTo: true, c.IsAuthority))
            .DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase)];

    public static bool Matches(RoutingRuleOptions rule, Incident incident) =>
        incident.Severity >= rule.MinSeverity
        && (rule.Units.Count == 0 || rule.Units.Contains(incident.Unit, StringComparer.OrdinalIgnoreCase))
        && (rule.Categories.Count == 0 || rule.Categories.Contains(incident.Category, StringComparer.OrdinalIgnoreCase))
        && (rule.Tags.Count == 0 || rule.Tags.Any(t => incident.Tags.Contains(t, StringComparer.OrdinalIgnoreCase)));

    private static void Add(Dictionary<string, Recipient> byEmail, Dictionary<string, ContactOptions> contacts, string id, bool isTo)
    {
        if (!contacts.TryGetValue(id, out var contact))
            return;
        var email = contact.Email.Trim();
        if (byEmail.TryGetValue(email, out var existing) && (existing.IsTo || !isTo))
            return;
        byEmail[email] = new Recipient(contact.Id, contact.Name, email, isTo, contact.IsAuthority);
    }
}
