using System.Reflection;
using System.Text.RegularExpressions;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Dashboard.Localization;
using ATTT.Monitor.Collector.Dashboard.Workstations;
using ATTT.Monitor.Collector.Drills;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Outbox;
using ATTT.Monitor.Collector.Playbooks;
using ATTT.Monitor.Collector.Reports;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;

/// <summary>
/// The words that must not show in the Vietnamese dashboard, taken from the product itself so the
/// list grows with it: every stored code (the enums' spellings, the string constants of the code
/// families, the last part of every text key such as <c>Severity.high</c>), the ids of the loaded
/// playbooks, their roles and steps, the default unit, and the English words of the English texts
/// that no Vietnamese text uses.
/// </summary>
internal static partial class RawCodes
{
    public static HashSet<string> Forbidden(IEnumerable<Playbook> playbooks)
    {
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        codes.UnionWith(Enum.GetValues<IncidentState>().Select(s => s.ToText()));
        codes.UnionWith(Enum.GetValues<IncidentSeverity>().Select(s => s.ToText()));
        codes.Add("informational");
        codes.UnionWith(PcStatuses.All.Select(s => s.ToText()));
        codes.UnionWith(PostureClasses.All.Select(c => c.ToText()));
        foreach (var family in new[] { typeof(UserRoles), typeof(OutboxStatus), typeof(IncidentCategory), typeof(DrillRunStatus), typeof(DrillLink), typeof(AuditActors), typeof(UnitNames), typeof(IncidentReport) })
            codes.UnionWith(Constants(family));
        codes.UnionWith(TextsVi.All.Keys.Select(k => k[(k.LastIndexOf('.') + 1)..]).Where(IsCode));
        foreach (var playbook in playbooks)
        {
            codes.Add(playbook.Id);
            codes.UnionWith(playbook.Roles.Select(r => r.Id));
            codes.UnionWith(playbook.Steps.Select(s => s.Id));
        }

        codes.UnionWith(EnglishOnlyWords());
        return codes;
    }

    /// <summary>The words of a page's text, as the check compares them.</summary>
    public static IEnumerable<string> Words(string text) => Word().Matches(text).Select(m => m.Value.Trim('-', '_'));

    private static IEnumerable<string> EnglishOnlyWords()
    {
        var vietnamese = new HashSet<string>(TextsVi.All.Values.SelectMany(Words), StringComparer.OrdinalIgnoreCase);
        return TextsEn.All.Values.SelectMany(Words).Where(w => w.Length >= 4 && AsciiLetters().IsMatch(w) && !vietnamese.Contains(w));
    }

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(IsCode);

    private static bool IsCode(string value) => CodeShape().IsMatch(value);

    [GeneratedRegex("^[a-z][a-z0-9_-]+$")]
    private static partial Regex CodeShape();

    [GeneratedRegex("^[A-Za-z]+$")]
    private static partial Regex AsciiLetters();

    [GeneratedRegex("[\\p{L}\\p{N}_-]+")]
    private static partial Regex Word();
}
