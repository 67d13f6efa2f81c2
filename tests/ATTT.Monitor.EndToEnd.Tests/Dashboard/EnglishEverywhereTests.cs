using System.Text.RegularExpressions;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Dashboard.Localization;
using ATTT.Monitor.Collector.Drills;
using ATTT.Monitor.Collector.Users;
using ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard;

/// <summary>
/// The pages <see cref="VietnameseEverywhereTests"/> walks, after the header's language switch to
/// English: no stored code, no text key, and no Vietnamese word in the English chrome. What the page
/// shows as written is marked <c>data-verbatim</c> and left out, and so are the names of the data
/// itself: units, people, configured contacts and routes.
/// </summary>
public sealed partial class EnglishEverywhereTests(DemoLikeSiteFixture fixture) : IClassFixture<DemoLikeSiteFixture>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    // The language switch names the other language in it, marked lang="vi": that is Vietnamese on purpose.
    private static readonly string OwnText = PageWalk.VisibleText
        .Replace("'[data-verbatim], script, style'", "'[data-verbatim], [lang=vi], script, style'", StringComparison.Ordinal)
        // A label and its value in neighbouring cells ("Unit" then "Xã Sảng Mộc") are two words, not "UnitXã".
        .Replace(".forEach(e => e.remove());", ".forEach(e => e.remove());\n    copy.querySelectorAll('*').forEach(e => e.append(' '));", StringComparison.Ordinal);

    [GeneratedRegex(@"[^\x00-\x7F]")]
    private static partial Regex NonAscii();

    [GeneratedRegex(@"\b[A-Z][A-Za-z]+(\.[A-Za-z_]+)+\b")]
    private static partial Regex KeyShape();

    /// <summary>The words of the data's own names, which stay as their owners wrote them in any language.</summary>
    private async Task<HashSet<string>> DataWordsAsync()
    {
        var services = fixture.Site.App.Services;
        var users = await services.GetRequiredService<UserStore>().ListAsync(Caller.System, Ct);
        var configured = services.GetRequiredService<IConfiguration>().GetSection("Notifications").AsEnumerable().Select(kv => kv.Value ?? "");
        string[] names = [DashboardSite.CommuneA, DashboardSite.CommuneB, .. users.Select(u => u.DisplayName), .. configured];
        return new HashSet<string>(names.SelectMany(RawCodes.Words), StringComparer.Ordinal);
    }

    [Fact]
    public async Task NoPage_ShowsARawCodeOrATextKey_InEnglish()
    {
        var (visited, findings) = await WalkAsync();
        var wrong = findings.Where(f => !f.Contains(": Vietnamese ", StringComparison.Ordinal)).ToList();
        Assert.True(wrong.Count == 0, $"raw codes or text keys in English on {visited} pages walked:\n" + string.Join('\n', wrong));
    }

    /// <summary>
    /// The English chrome has no Vietnamese word. What the product has in Vietnamese only, and keeps so,
    /// is marked lang="vi" on the element that holds it and left out: the province's playbooks (titles,
    /// steps, roles, checklists), deadline names, guidance explanations, the monthly report as mailed,
    /// the report forms' wording fixed by the authorities and official names inside English sentences
    /// ("the Government Cipher Committee (Ban Cơ yếu Chính phủ)"). ATT&amp;CK tactics read in English.
    /// </summary>
    [Fact]
    public async Task NoPage_ShowsAVietnameseWord_InEnglishChrome()
    {
        var (visited, findings) = await WalkAsync();
        var vietnamese = findings.Where(f => f.Contains(": Vietnamese ", StringComparison.Ordinal)).ToList();
        Assert.True(vietnamese.Count == 0, $"Vietnamese words in English on {visited} pages walked:\n" + string.Join('\n', vietnamese));
    }

    /// <summary>The reporting deadlines' time left is chrome (the deadline's name is the policy's, in Vietnamese).</summary>
    [Fact]
    public async Task Deadlines_say_their_time_left_in_English()
    {
        var page = await fixture.SignInAsync("admin");
        await page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
        var items = await page.Locator("ul.deadlines li").AllTextContentsAsync();
        Assert.NotEmpty(items);
        Assert.All(items, item => Assert.Matches(TimeLeftInEnglish(), item.Trim()));
        await page.GotoAsync($"/incidents/{fixture.Incidents[0]}");
        var onIncident = await page.Locator("ul.deadlines li").AllTextContentsAsync();
        Assert.NotEmpty(onIncident);
        Assert.All(onIncident, item => Assert.Matches(TimeLeftInEnglish(), item.Trim()));
    }

    [GeneratedRegex(@" \d\d/\d\d/\d{4} \d\d:\d\d \(((\d+ d \d+ h|\d+ h \d+ min|\d+ min) left|overdue by (\d+ d \d+ h|\d+ h \d+ min|\d+ min)|met|stopped \((false positive|incident resolved)\))\)$")]
    private static partial Regex TimeLeftInEnglish();

    private async Task<(int Visited, List<string> Findings)> WalkAsync()
    {
        var services = fixture.Site.App.Services;
        // In English, a code spelled as an English word ("new", "to", "comment") reads as that word; the
        // codes that give themselves away are the joined ones (in_progress, can-bo-cntt, playbook ids).
        var codes = RawCodes.Forbidden(services.GetRequiredService<IDrillService>().Playbooks).Codes.Where(c => c.Contains('_') || c.Contains('-')).ToHashSet(StringComparer.Ordinal);
        var keys = TextsVi.All.Keys.ToHashSet(StringComparer.Ordinal);
        var data = await DataWordsAsync();
        var userNames = (await services.GetRequiredService<UserStore>().ListAsync(Caller.System, Ct)).Select(u => u.UserName).ToHashSet(StringComparer.Ordinal);

        var page = await fixture.SignInAsync("admin");
        await page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));

        var findings = new List<string>();
        var start = new[] { $"/incidents/{fixture.Incidents[0]}", "/events", "/reports/monthly", "/events/timeline?incident=" + fixture.Incidents[0] };
        var (visited, seen) = await PageWalk.VisitAsync(page, [.. PageWalk.Start, .. start], async path =>
        {
            Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
            var (text, labels) = await page.EvaluateAsync<string[]>(OwnText) is [var t, var l] ? (t, l) : ("", "");
            var all = text + "\n" + labels;
            var words = RawCodes.Words(text).Concat(RawCodes.Words(labels).Where(w => !userNames.Contains(w))).ToList();
            foreach (var word in words.Where(codes.Contains).Distinct(StringComparer.Ordinal))
                findings.Add($"{path}: code \"{word}\" in …{PageWalk.Around(all, word)}…");
            foreach (var word in words.Where(w => NonAscii().IsMatch(w) && !data.Contains(w)).Distinct(StringComparer.Ordinal))
                findings.Add($"{path}: Vietnamese \"{word}\" in …{PageWalk.Around(all, word)}…");
            foreach (var key in KeyShape().Matches(all).Select(m => m.Value).Where(keys.Contains).Distinct(StringComparer.Ordinal))
                findings.Add($"{path}: text key \"{key}\" shown");
        });

        await Screenshots.SaveAsync(page, "26-english");
        Assert.True(visited >= 15, $"only {visited} pages reached: {string.Join(", ", seen)}");
        return (visited, findings);
    }
}
