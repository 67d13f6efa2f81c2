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
    public async Task NoPage_ShowsARawCodeOrAVietnameseWord_InEnglish()
    {
        var services = fixture.Site.App.Services;
        var codes = RawCodes.Forbidden(services.GetRequiredService<IDrillService>().Playbooks).Codes;
        var keys = TextsVi.All.Keys.ToHashSet(StringComparer.Ordinal);
        var data = await DataWordsAsync();
        var userNames = (await services.GetRequiredService<UserStore>().ListAsync(Caller.System, Ct)).Select(u => u.UserName).ToHashSet(StringComparer.Ordinal);

        var page = await fixture.SignInAsync("admin");
        await page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));

        var queue = new Queue<string>([.. PageWalk.Start, $"/incidents/{fixture.Incidents[0]}", "/events", "/reports/monthly", "/events/timeline?incident=" + fixture.Incidents[0]]);
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var findings = new List<string>();
        var visited = 0;
        while (queue.Count > 0 && visited < PageWalk.MaxPages)
        {
            var path = queue.Dequeue();
            var response = await page.GotoAsync(path);
            Assert.True(response is { Ok: true } or { Status: 404 }, $"{path} answered {response?.Status}");
            Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
            visited++;
            var (text, labels) = await page.EvaluateAsync<string[]>(PageWalk.VisibleText) is [var t, var l] ? (t, l) : ("", "");
            var all = text + "\n" + labels;
            var words = RawCodes.Words(text).Concat(RawCodes.Words(labels).Where(w => !userNames.Contains(w))).ToList();
            foreach (var word in words.Where(codes.Contains).Distinct(StringComparer.Ordinal))
                findings.Add($"{path}: code \"{word}\" in …{PageWalk.Around(all, word)}…");
            foreach (var word in words.Where(w => NonAscii().IsMatch(w) && !data.Contains(w)).Distinct(StringComparer.Ordinal))
                findings.Add($"{path}: Vietnamese \"{word}\" in …{PageWalk.Around(all, word)}…");
            foreach (var key in KeyShape().Matches(all).Select(m => m.Value).Where(keys.Contains).Distinct(StringComparer.Ordinal))
                findings.Add($"{path}: text key \"{key}\" shown");

            foreach (var link in await page.EvaluateAsync<string[]>(PageWalk.Links))
            {
                if (PageWalk.Follow(link) && seen.Add(link))
                    queue.Enqueue(link);
            }
        }

        await Screenshots.SaveAsync(page, "26-english");
        Assert.True(visited >= 15, $"only {visited} pages reached: {string.Join(", ", seen)}");
        Assert.True(findings.Count == 0, $"raw codes or Vietnamese words in English on {visited} pages walked:\n" + string.Join('\n', findings));
    }
}
