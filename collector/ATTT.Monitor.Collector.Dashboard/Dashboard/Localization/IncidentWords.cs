using System.Globalization;
using ATTT.Monitor.Collector.Incidents;

namespace ATTT.Monitor.Collector.Dashboard.Localization;

/// <summary>
/// The dashboard's keys for severities, states and categories (<c>Severity.high</c>,
/// <c>State.in_progress</c>, <c>Category.ransomware</c>), taken from <see cref="IncidentText"/> and
/// <see cref="IncidentCategoryNames"/>, the one tables of their names that the mails, exports and
/// reports read too, so a page and a mail never name the same state or category differently. Written with a capital
/// first letter, as a label stands alone on a page.
/// </summary>
internal static class IncidentWords
{
    public static Dictionary<string, string> Vietnamese() => Build(s => s.ToVietnamese(), s => s.ToVietnamese(), IncidentCategoryNames.Vietnamese, new CultureInfo("vi-VN"));

    public static Dictionary<string, string> English() => Build(s => s.ToEnglish(), s => s.ToEnglish(), IncidentCategoryNames.English, CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Build(Func<IncidentSeverity, string> severity, Func<IncidentState, string> state, Func<string, string> category, CultureInfo culture)
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in Enum.GetValues<IncidentSeverity>())
            words["Severity." + s.ToText()] = Capitalize(severity(s), culture);
        foreach (var s in Enum.GetValues<IncidentState>())
            words["State." + s.ToText()] = Capitalize(state(s), culture);
        foreach (var code in IncidentCategoryNames.Codes)
            words["Category." + code] = Capitalize(category(code), culture);
        return words;
    }

    private static string Capitalize(string text, CultureInfo culture) =>
        text.Length == 0 ? text : char.ToUpper(text[0], culture) + text[1..];
}
