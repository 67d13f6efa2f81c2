using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Drills;
using ATTT.Monitor.Collector.Users;
using ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard;

/// <summary>
/// Every page an administrator can reach, in Vietnamese, with demo-like data: no stored code, id
/// or English word of the product's own texts is shown. What the page shows as written (event
/// content, rule titles beside their Vietnamese explanation, names and notes people typed,
/// configured names) is marked <c>data-verbatim</c> and left out.
/// </summary>
public sealed class VietnameseEverywhereTests(DemoLikeSiteFixture fixture) : IClassFixture<DemoLikeSiteFixture>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoPage_ShowsARawCodeOrAnEnglishWord_InVietnamese()
    {
        var playbooks = fixture.Site.App.Services.GetRequiredService<IDrillService>().Playbooks;
        var forbidden = RawCodes.Forbidden(playbooks);
        var users = (await fixture.Site.App.Services.GetRequiredService<UserStore>().ListAsync(Caller.System, Ct)).Select(u => u.UserName).ToHashSet(StringComparer.Ordinal);
        var page = await fixture.SignInAsync("admin");
        var incident = fixture.Incidents[0];
        var findings = new List<string>();
        var (visited, seen) = await PageWalk.VisitAsync(page, [.. PageWalk.Start, $"/incidents/{incident}"], async path =>
        {
            var (text, labels) = await page.EvaluateAsync<string[]>(PageWalk.VisibleText) is [var t, var l] ? (t, l) : ("", "");
            // A control's label may name the person of its row (the role selector of "admin"): a user's name is data.
            var words = RawCodes.Words(text).Concat(RawCodes.Words(labels).Where(w => !users.Contains(w)));
            foreach (var word in words.Where(forbidden.IsForbidden).Distinct(StringComparer.Ordinal))
                findings.Add($"{path}: \"{word}\" in …{PageWalk.Around(text + " " + labels, word)}…");
        });

        Assert.True(visited >= 15, $"only {visited} pages reached: {string.Join(", ", seen)}");
        Assert.True(findings.Count == 0, $"raw codes or English words on {visited} pages walked:\n" + string.Join('\n', findings));
    }
}
