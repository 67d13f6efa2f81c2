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
    /// <summary>
    /// Stored codes, compared exactly (they are stored in lower case, so "RAM" in a sentence is not
    /// the code "ram"), and English words, compared in any case.
    /// </summary>
    public sealed record Vocabulary(HashSet<string> Codes, HashSet<string> EnglishWords)
    {
        public bool IsForbidden(string word) => Codes.Contains(word) || EnglishWords.Contains(word);
    }

    public static Vocabulary Forbidden(IReadOnlyList<Playbook> playbooks)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
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

        return new Vocabulary(codes, EnglishOnlyWords(playbooks));
    }

    /// <summary>The words of a page's text, as the check compares them.</summary>
    public static IEnumerable<string> Words(string text) => Word().Matches(text).Select(m => m.Value.Trim('-', '_'));

    /// <summary>
    /// Words of the English texts that no Vietnamese text of the product uses: neither the
    /// dashboard's Vietnamese texts nor the playbooks (which name Windows' own English labels, such
    /// as "Windows Security" or "Enable Content", for the officer to find them on the screen).
    /// </summary>
    private static HashSet<string> EnglishOnlyWords(IEnumerable<Playbook> playbooks)
    {
        var vietnamese = new HashSet<string>(TextsVi.All.Values.SelectMany(Words), StringComparer.OrdinalIgnoreCase);
        foreach (var playbook in playbooks)
        {
            string[] texts = [playbook.Title, playbook.Scenario, .. playbook.Roles.Select(r => r.Name),
                .. playbook.Steps.SelectMany(s => s.Checklist.Concat(s.Evidence).Append(s.Action))];
            vietnamese.UnionWith(texts.SelectMany(Words));
        }

        return new HashSet<string>(
            TextsEn.All.Values.SelectMany(Words).Where(w => w.Length >= 4 && AsciiLetters().IsMatch(w) && !vietnamese.Contains(w)),
            StringComparer.OrdinalIgnoreCase);
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
