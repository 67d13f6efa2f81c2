using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Incidents;

namespace ATTT.Monitor.Collector.Dashboard.Localization;

/// <summary>
/// How a page shows the codes it stores (severities, states, roles, statuses, units, actors) in the
/// reader's language: one helper per concept, each reading one table of texts keyed by the code, so
/// that a page never writes the code itself. A code without a text is shown as it is, never hidden.
/// </summary>
internal static class DisplayTexts
{
    public static string Severity(this DashboardText texts, IncidentSeverity severity) => Lookup(texts, "Severity." + severity.ToText());

    /// <summary>
    /// A Sigma rule's level: a level with a word of its own (informational, which the profile
    /// <c>all</c> loads beside low) keeps it, so that two levels never read the same; the others read
    /// as the severity their incidents get (unknown is medium).
    /// </summary>
    public static string RuleLevel(this DashboardText texts, string? level) =>
        texts.Texts.TryGetValue("RuleLevel." + level?.Trim().ToLowerInvariant(), out var text) ? text : texts.Severity(IncidentText.FromRuleLevel(level));

    /// <summary>A Sigma rule status (stable, test, experimental, deprecated, unsupported).</summary>
    public static string RuleStatus(this DashboardText texts, string? status) => Lookup(texts, "RuleStatus." + (status ?? "unknown"));

    public static string State(this DashboardText texts, IncidentState state) => Lookup(texts, "State." + state.ToText());

    /// <summary>An incident category's name (<see cref="IncidentCategoryNames"/>); a configured category it does not know is shown by its code.</summary>
    public static string Category(this DashboardText texts, string category) => Lookup(texts, "Category." + category);

    public static string Role(this DashboardText texts, string role) => Lookup(texts, "Role." + role);

    /// <summary>An outbox row's status (pending, sent, dead, given_up).</summary>
    public static string MailStatus(this DashboardText texts, string status) => Lookup(texts, "MailStatus." + status);

    /// <summary>A notification contact's role (police, dost, commune, it, data_protection, other).</summary>
    public static string ContactRole(this DashboardText texts, string role) => Lookup(texts, "ContactRole." + role);

    /// <summary>A unit's name; the default unit's code gets a name of its own.</summary>
    public static string Unit(this DashboardText texts, string? unit) =>
        unit is null ? texts["Province"] : texts.Language == DashboardLanguage.English ? UnitNames.English(unit) : UnitNames.Vietnamese(unit);

    /// <summary>Who did it: a user's name, or the collector itself.</summary>
    public static string Actor(this DashboardText texts, string actor) => actor == AuditActors.System ? texts["Actor.system"] : actor;

    /// <summary>Someone assigned, or "nobody" for none.</summary>
    public static string Assignee(this DashboardText texts, string? assignee) => string.IsNullOrEmpty(assignee) || assignee == "(none)" ? texts["Incidents.Unassigned"] : assignee;

    /// <summary>
    /// The reader's half of a service's "Vietnamese / English" message (the incident service words
    /// its refusals so for the API's callers); a message with no " / " is shown whole.
    /// </summary>
    public static string OneLanguage(this DashboardText texts, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var split = message.LastIndexOf(" / ", StringComparison.Ordinal);
        if (split < 0)
            return message;
        return texts.Language == DashboardLanguage.English ? message[(split + 3)..] : message[..split] + ".";
    }

    private static string Lookup(DashboardText texts, string key) =>
        texts.Texts.TryGetValue(key, out var text) ? text : key[(key.IndexOf('.', StringComparison.Ordinal) + 1)..];
}
