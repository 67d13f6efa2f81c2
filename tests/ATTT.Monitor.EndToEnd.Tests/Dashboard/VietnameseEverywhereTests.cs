using ATTT.Monitor.Collector.Drills;
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
    // Reading the page's own text: without the marked elements, with the text of controls people read.
    private const string VisibleText = """
        () => {
            const copy = document.documentElement.cloneNode(true);
            copy.querySelectorAll('[data-verbatim], script, style, head').forEach(e => e.remove());
            const labels = [...copy.querySelectorAll('[placeholder], [aria-label], [alt]')]
                .map(e => [e.getAttribute('placeholder'), e.getAttribute('aria-label'), e.getAttribute('alt')].filter(Boolean).join(' '));
            return [document.title, copy.textContent, ...labels].join('\n');
        }
        """;

    private const int MaxPages = 120;

    [Fact]
    public async Task NoPage_ShowsARawCodeOrAnEnglishWord_InVietnamese()
    {
        var playbooks = fixture.Site.App.Services.GetRequiredService<IDrillService>().Playbooks;
        var forbidden = RawCodes.Forbidden(playbooks);
        var page = await fixture.SignInAsync("admin");
        var incident = fixture.Incidents[0];
        var queue = new Queue<string>(["/", "/incidents?state=all", $"/incidents/{incident}", $"/incidents/{incident}/reports", "/notifications/dead-letters", "/account/password"]);
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var findings = new List<string>();
        var visited = 0;
        while (queue.Count > 0 && visited < MaxPages)
        {
            var path = queue.Dequeue();
            var response = await page.GotoAsync(path);
            Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
            visited++;
            if (await page.EvaluateAsync<string>(VisibleText) is { } text)
            {
                foreach (var word in RawCodes.Words(text).Where(forbidden.Contains).Distinct(StringComparer.OrdinalIgnoreCase))
                    findings.Add($"{path}: \"{word}\" in …{Around(text, word)}…");
            }

            foreach (var link in await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"))
            {
                if (Follow(link) && seen.Add(link))
                    queue.Enqueue(link);
            }
        }

        Assert.True(visited >= 15, $"only {visited} pages reached: {string.Join(", ", seen)}");
        Assert.True(findings.Count == 0, $"raw codes or English words on {visited} pages walked:\n" + string.Join('\n', findings));
    }

    /// <summary>Pages of the dashboard, not downloads, printouts, the sign-out or other sites.</summary>
    private static bool Follow(string href) =>
        href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)
        && !href.Contains("handler=Pdf", StringComparison.OrdinalIgnoreCase) && !href.Contains("handler=Csv", StringComparison.OrdinalIgnoreCase)
        && !href.Contains("handler=Report", StringComparison.OrdinalIgnoreCase) && !href.Contains("/print", StringComparison.OrdinalIgnoreCase)
        && !href.StartsWith("/signout", StringComparison.Ordinal) && !href.StartsWith("/assets", StringComparison.Ordinal) && !href.StartsWith("/api", StringComparison.Ordinal);

    private static string Around(string text, string word)
    {
        var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
        var start = Math.Max(0, at - 40);
        return text.Substring(start, Math.Min(text.Length - start, word.Length + 80)).ReplaceLineEndings(" ");
    }
}
