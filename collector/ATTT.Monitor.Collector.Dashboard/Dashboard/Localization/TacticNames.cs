using System.Globalization;
using ATTT.Monitor.Collector.Incidents;

namespace ATTT.Monitor.Collector.Dashboard.Localization;

/// <summary>
/// An ATT&amp;CK tactic's name in the reader's language. Vietnamese: the name guidance/attack.vi.yml
/// gives it (the English one in brackets). English: ATT&amp;CK's own name, which its hyphenated key
/// spells word by word (<c>credential-access</c> is Credential Access, <c>command-and-control</c>
/// Command and Control), so it needs no table and no guidance file.
/// </summary>
internal static class TacticNames
{
    public static string Tactic(this DashboardText texts, IncidentGuidance guidance, string key)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(guidance);
        return texts.Language == DashboardLanguage.English ? English(key) : guidance.TacticName(key);
    }

    public static string English(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var words = key.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select((word, at) => at > 0 && word == "and" ? word : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(word));
        return string.Join(' ', words);
    }
}
