using System.Globalization;
using System.Text.RegularExpressions;
using ATTT.Monitor.Collector.Incidents;

namespace ATTT.Monitor.Collector.Dashboard.Localization;

/// <summary>
/// The details of an incident's audit records in the reader's language. The log keeps what the
/// services wrote (<c>new -> in_progress: note</c>, <c>(none) -> admin</c>, <c>rule ID</c>): codes,
/// for tools and for the record. This reads those shapes back and names each code; the free text
/// in them (a note, a user's name) is returned apart, to be shown as written.
/// </summary>
internal static partial class AuditDetailTexts
{
    /// <summary>The worded part and the free text (null when none) of one record's details.</summary>
    public static (string Text, string? Verbatim) Describe(DashboardText texts, string action, string? details, Func<string, string, string?>? stepName = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (string.IsNullOrEmpty(details))
            return ("", null);
        switch (action)
        {
            case "state_changed" when Transition().Match(details) is { Success: true } m
                && IncidentText.TryParseState(m.Groups["from"].Value, out var from) && IncidentText.TryParseState(m.Groups["to"].Value, out var to):
                var rest = m.Groups["rest"].Success ? m.Groups["rest"].Value : null;
                if (rest is not null && EndedAfter().Match(rest) is { Success: true } ended)
                    return (texts.Format("Audit.Detail.StateEnded", texts.State(from), texts.State(to), int.Parse(ended.Groups["s"].Value, CultureInfo.InvariantCulture)), null);
                return (texts.Format("Audit.Detail.Transition", texts.State(from), texts.State(to)), rest);
            case "severity_raised" when Transition().Match(details) is { Success: true } m
                && IncidentText.TryParseSeverity(m.Groups["from"].Value, out var low) && IncidentText.TryParseSeverity(m.Groups["to"].Value, out var high):
                return (texts.Format("Audit.Detail.Transition", texts.Severity(low), texts.Severity(high)), null);
            case "assigned" when details.Split(" -> ") is [var before, var after]:
                return (texts.Format("Audit.Detail.Transition", texts.Assignee(before), texts.Assignee(after)), null);
            case "opened" when details.StartsWith("rule ", StringComparison.Ordinal):
                return (texts["Audit.Detail.ByRule"], details["rule ".Length..]);
            case "opened" when details.StartsWith("condition ", StringComparison.Ordinal):
                return (texts["Audit.Detail.ByCondition"], details["condition ".Length..]);
            case "playbook_step_done" when details.Split('/') is [var playbook, var step] && stepName?.Invoke(playbook, step) is { } named:
                return (named, null);
            default:
                // A comment, a report's number, a reason: written by people, shown as written.
                return ("", details);
        }
    }

    [GeneratedRegex(@"^(?<from>[a-z_]+) -> (?<to>[a-z_]+)(?:: (?<rest>.*))?$", RegexOptions.Singleline)]
    private static partial Regex Transition();

    [GeneratedRegex(@"^condition ended after (?<s>\d+) s$")]
    private static partial Regex EndedAfter();
}
