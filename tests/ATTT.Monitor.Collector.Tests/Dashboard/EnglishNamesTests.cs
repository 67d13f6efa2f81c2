using ATTT.Monitor.Collector.Dashboard.Localization;
using ATTT.Monitor.Collector.Incidents;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using System.Text.Encodings.Web;

namespace ATTT.Monitor.Collector.Tests.Dashboard;

/// <summary>What the English dashboard says in English (ATT&amp;CK tactics) and what it keeps in Vietnamese, marked so (official names).</summary>
public sealed class EnglishNamesTests
{
    private static readonly Lazy<IncidentGuidance> Shipped = new(() => GuidanceFiles.Load(Path.Combine(RepositoryPaths.Root, "guidance")));

    // The 15 Enterprise tactics of ATT&CK v19, as ATT&CK names them in English.
    public static TheoryData<string, string> Tactics => new()
    {
        { "reconnaissance", "Reconnaissance" }, { "resource-development", "Resource Development" }, { "initial-access", "Initial Access" },
        { "execution", "Execution" }, { "persistence", "Persistence" }, { "privilege-escalation", "Privilege Escalation" },
        { "stealth", "Stealth" }, { "defense-impairment", "Defense Impairment" }, { "credential-access", "Credential Access" },
        { "discovery", "Discovery" }, { "lateral-movement", "Lateral Movement" }, { "collection", "Collection" },
        { "command-and-control", "Command and Control" }, { "exfiltration", "Exfiltration" }, { "impact", "Impact" },
    };

    [Theory]
    [MemberData(nameof(Tactics))]
    public void A_tactic_reads_as_attacks_english_name_in_english_and_as_the_guidance_names_it_in_vietnamese(string key, string english)
    {
        Assert.Equal(english, TextsIn(DashboardLanguage.English).Tactic(Shipped.Value, key));
        var vietnamese = TextsIn(DashboardLanguage.Vietnamese).Tactic(Shipped.Value, key);
        Assert.Equal(Shipped.Value.TacticName(key), vietnamese);
        // The guidance writes the English name in brackets: both languages name the same tactic.
        Assert.EndsWith($" ({english})", vietnamese, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_guidance_english_still_names_the_tactic()
    {
        Assert.Equal("Command and Control", TextsIn(DashboardLanguage.English).Tactic(IncidentGuidance.None, "command-and-control"));
        Assert.Equal("command-and-control", TextsIn(DashboardLanguage.Vietnamese).Tactic(IncidentGuidance.None, "command-and-control"));
    }

    [Fact]
    public void The_cipher_committee_keeps_its_vietnamese_name_marked_inside_the_english_sentence()
    {
        var name = MarkedText.Vietnamese(OfficialNames.GovernmentCipherCommittee);
        var english = Html(TextsIn(DashboardLanguage.English).FormatMarked("Plan.Help", "4", 19045, name));
        Assert.Contains("Government Cipher Committee (<span lang=\"vi\">Ban Cơ yếu Chính phủ</span>).", english, StringComparison.Ordinal);
        Assert.Contains("at least 4 GB RAM, Windows build 19045 or later", english, StringComparison.Ordinal);

        var vietnamese = Html(TextsIn(DashboardLanguage.Vietnamese).FormatMarked("Plan.Help", "4", 19045, name));
        Assert.Contains("RAM từ 4 GB, Windows build từ 19045", vietnamese, StringComparison.Ordinal);
        Assert.Contains("công cộng của Việt Nam hoặc <span lang=\"vi\">Ban Cơ yếu Chính phủ</span> cấp.", vietnamese, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_argument_is_encoded_and_only_marked_content_is_written_as_it_is()
    {
        var html = Html(TextsIn(DashboardLanguage.English).FormatMarked("Plan.Help", "<b>", "&", MarkedText.Vietnamese("<i>")));
        Assert.Contains("at least &lt;b&gt; GB", html, StringComparison.Ordinal);
        Assert.Contains("build &amp; or later", html, StringComparison.Ordinal);
        Assert.Contains("<span lang=\"vi\">&lt;i&gt;</span>", html, StringComparison.Ordinal);
    }

    private static string Html(IHtmlContent content)
    {
        using var writer = new StringWriter();
        // The dashboard's own encoder setting: Vietnamese letters written as they are.
        content.WriteTo(writer, HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        return writer.ToString();
    }

    private static DashboardText TextsIn(string language)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = $"{DashboardLanguage.CookieName}={language}";
        return new DashboardText(new HttpContextAccessor { HttpContext = context });
    }
}
