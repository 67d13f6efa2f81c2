using Microsoft.Playwright;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;

/// <summary>
/// What the language walks (<see cref="VietnameseEverywhereTests"/>, <see cref="EnglishEverywhereTests"/>)
/// share: the walk itself, how a page's own text is read, which links are pages to walk, and the excerpt a finding shows.
/// </summary>
internal static class PageWalk
{
    public const int MaxPages = 120;

    /// <summary>The pages every walk starts from (the incident's id is added by the caller).</summary>
    public static readonly string[] Start = ["/", "/incidents?state=all", "/notifications/dead-letters", "/account/password"];

    /// <summary>
    /// The page's own text without the elements marked <c>data-verbatim</c>, and apart from it the
    /// labels of controls that people hear or see (placeholder, aria-label, alt).
    /// </summary>
    public const string VisibleText = """
        () => {
            const copy = document.body.cloneNode(true);
            copy.querySelectorAll('[data-verbatim], script, style').forEach(e => e.remove());
            const labels = [...copy.querySelectorAll('[placeholder], [aria-label], [alt]')]
                .map(e => [e.getAttribute('placeholder'), e.getAttribute('aria-label'), e.getAttribute('alt')].filter(Boolean).join(' '));
            return [copy.textContent, labels.join('\n')];
        }
        """;

    public const string Links = "() => [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))";

    /// <summary>Pages of the dashboard, not downloads, printouts (the forms' official layout, checked through their PDF), the sign-out or other sites.</summary>
    public static bool Follow(string href) =>
        href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)
        && !href.Contains("handler=Pdf", StringComparison.OrdinalIgnoreCase) && !href.Contains("handler=Csv", StringComparison.OrdinalIgnoreCase) && !href.Contains("handler=Json", StringComparison.OrdinalIgnoreCase)
        && !href.Contains("handler=Report", StringComparison.OrdinalIgnoreCase) && !href.Contains("handler=Print", StringComparison.OrdinalIgnoreCase)
        && !href.Contains("/print", StringComparison.OrdinalIgnoreCase)
        && !href.StartsWith("/signout", StringComparison.Ordinal) && !href.StartsWith("/assets", StringComparison.Ordinal) && !href.StartsWith("/api", StringComparison.Ordinal);

    /// <summary>
    /// Walks the dashboard breadth first from <paramref name="start"/>, following the links
    /// <see cref="Follow"/> accepts, at most <see cref="MaxPages"/> pages. Every page must answer (a link
    /// to a rule no longer loaded is a 404 page, in the page's language too); each is then handed to
    /// <paramref name="visit"/> with its path. Returns how many pages were visited and every path seen.
    /// </summary>
    public static async Task<(int Visited, IReadOnlyCollection<string> Seen)> VisitAsync(IPage page, IEnumerable<string> start, Func<string, Task> visit)
    {
        var queue = new Queue<string>(start);
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var visited = 0;
        while (queue.Count > 0 && visited < MaxPages)
        {
            var path = queue.Dequeue();
            var response = await page.GotoAsync(path);
            Assert.True(response is { Ok: true } or { Status: 404 }, $"{path} answered {response?.Status}");
            visited++;
            await visit(path);
            foreach (var link in await page.EvaluateAsync<string[]>(Links))
            {
                if (Follow(link) && seen.Add(link))
                    queue.Enqueue(link);
            }
        }

        return (visited, seen);
    }

    public static string Around(string text, string word)
    {
        var at = Math.Max(0, text.IndexOf(word, StringComparison.OrdinalIgnoreCase));
        var start = Math.Max(0, at - 40);
        return text.Substring(start, Math.Min(text.Length - start, word.Length + 80)).ReplaceLineEndings(" ");
    }
}
