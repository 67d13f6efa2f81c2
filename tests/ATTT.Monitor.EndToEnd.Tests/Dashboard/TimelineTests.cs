using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard;

/// <summary>
/// A PC's timeline opened from an incident the detection pipeline opened on the attack samples: the
/// window holds exactly the PC's sample events of those ±15 minutes, the detection's events are
/// marked, and earlier / later move the window by its width.
/// </summary>
[Collection(DeskCollection.Name)]
public sealed class TimelineTests(DeskSiteFixture fixture)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private const string ReadRows = """
        () => [...document.querySelectorAll('#timeline-events tbody tr')].map(tr => {
            const c = [...tr.querySelectorAll('td')].map(td => td.textContent.trim());
            return [tr.dataset.eventId, c[1] + '|' + c[2] + '|' + c[3], tr.classList.contains('detection') ? 'marked' : ''];
        })
        """;

    /// <summary>The sample PC's events stored in [from, to), as channel|event id|record keys.</summary>
    private async Task<List<StoredEvent>> StoredAsync(DateTimeOffset from, DateTimeOffset to)
    {
        var store = fixture.Site.App.Services.GetRequiredService<IEventStore>();
        return [.. (await store.SearchAsync(new EventQuery { Units = [DashboardSite.CommuneA], Host = DeskSiteFixture.SampleHost, From = from, To = to, Limit = 1000 }, Ct)).Events];
    }

    private List<string> SampleKeys(DateTimeOffset from, DateTimeOffset to) =>
        [.. fixture.CommuneAEvents.Where(e => e.Computer == DeskSiteFixture.SampleHost && e.TimeCreated >= from && e.TimeCreated < to)
            .Select(e => $"{e.Channel}|{e.EventId}|{e.RecordId}").Order(StringComparer.Ordinal)];

    private static async Task<List<string[]>> RowsAsync(IPage page) => [.. await page.EvaluateAsync<string[][]>(ReadRows)];

    [Fact]
    public async Task From_an_incident_the_detections_are_marked_and_earlier_and_later_move_the_window()
    {
        var incidents = fixture.Site.App.Services.GetRequiredService<IIncidentService>();
        var onPc = (await incidents.QueryAsync(new IncidentQuery { Host = DeskSiteFixture.SampleHost, Unit = DashboardSite.CommuneA, Limit = 100 }, UnitScope.All, Ct)).Items;
        Assert.NotEmpty(onPc);
        // The incident whose window holds more than its own detections, so that the marks tell them apart.
        IncidentDetail? chosen = null;
        foreach (var candidate in onPc)
        {
            var detail = (await incidents.GetAsync(candidate.Id, UnitScope.All, Ct))!;
            var around = await StoredAsync(candidate.FirstSeen - Window, candidate.FirstSeen + Window);
            if (around.Count(e => !detail.MatchedEventIds.Contains(e.Id)) >= 3 && around.Any(e => detail.MatchedEventIds.Contains(e.Id)))
            {
                chosen = detail;
                break;
            }
        }

        Assert.True(chosen is not null, $"no incident on {DeskSiteFixture.SampleHost} has other events around it: {string.Join(", ", onPc.Select(i => i.Title))}");
        var incident = chosen.Incident;

        var page = await fixture.SignInAsync("canbo.a");
        await page.GotoAsync($"/incidents/{incident.Id}");
        await page.Locator("#incident-timeline").ClickAsync();
        await Assertions.Expect(page.Locator("#timeline-host")).ToHaveTextAsync(DeskSiteFixture.SampleHost);
        await Assertions.Expect(page.Locator("#timeline-incident")).ToContainTextAsync($"#{incident.Id}");

        // The window is ±15 minutes around the incident's first event, in Vietnam time.
        await Assertions.Expect(page.Locator("#window")).ToHaveValueAsync("15");
        await Assertions.Expect(page.Locator("#h-timeline")).ToContainTextAsync($"từ {Local(incident.FirstSeen - Window)} đến {Local(incident.FirstSeen + Window)} (±15 phút quanh {Local(incident.FirstSeen)})");
        var rows = await RowsAsync(page);
        Assert.Equal(SampleKeys(incident.FirstSeen - Window, incident.FirstSeen + Window), rows.Select(r => r[1]).Order(StringComparer.Ordinal).ToList());
        var marked = rows.Where(r => r[2] == "marked").Select(r => long.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var expectedMarked = (await StoredAsync(incident.FirstSeen - Window, incident.FirstSeen + Window)).Select(e => e.Id).Where(chosen.MatchedEventIds.Contains).ToHashSet();
        Assert.NotEmpty(expectedMarked);
        Assert.Equal(expectedMarked, marked);
        await Assertions.Expect(page.Locator("tr.detection .badge").First).ToHaveTextAsync("Phát hiện");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "21-dong-thoi-gian");

        // Earlier: the 30 minutes before, then later twice: the 30 minutes after.
        var heading = await page.Locator("#h-timeline").TextContentAsync();
        await page.Locator("#earlier").ClickAsync();
        await Assertions.Expect(page.Locator("#h-timeline")).Not.ToHaveTextAsync(heading!);
        // The links carry the moment to the second, as the form writes it.
        var centre = new DateTimeOffset(incident.FirstSeen.UtcTicks - (incident.FirstSeen.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var before = centre - (3 * Window);
        Assert.Equal(SampleKeys(before, before + (2 * Window)), (await RowsAsync(page)).Select(r => r[1]).Order(StringComparer.Ordinal).ToList());

        await page.Locator("#later").ClickAsync();
        await Assertions.Expect(page.Locator("#h-timeline")).ToHaveTextAsync(heading!);
        Assert.Equal(marked, (await RowsAsync(page)).Where(r => r[2] == "marked").Select(r => long.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet());
        await page.Locator("#later").ClickAsync();
        var after = centre + Window;
        await Assertions.Expect(page.Locator("#h-timeline")).Not.ToHaveTextAsync(heading!);
        Assert.Equal(SampleKeys(after, after + (2 * Window)), (await RowsAsync(page)).Select(r => r[1]).Order(StringComparer.Ordinal).ToList());

        // The windows above may hold no event of the PC: a few minutes' window typed in the form, around
        // one of the PC's sample events, moves over events, so each move is checked against events it must
        // show and events it must leave out.
        var (at, minutes) = (from e in fixture.CommuneAEvents.Where(e => e.Computer == DeskSiteFixture.SampleHost).OrderBy(e => e.TimeCreated)
                             let second = new DateTimeOffset(e.TimeCreated.UtcTicks - (e.TimeCreated.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero)
                             from m in Enumerable.Range(1, 7)
                             where Moved(second, TimeSpan.FromMinutes(m)).Any(start => SampleKeys(start, start + TimeSpan.FromMinutes(2 * m)).Count > 0)
                             select (second, m)).FirstOrDefault();
        Assert.True(minutes > 0, $"no event of {DeskSiteFixture.SampleHost} has others 1 to 21 minutes before or after it: the moves would show nothing");
        centre = at;
        var narrow = TimeSpan.FromMinutes(minutes);
        var moved = Moved(centre, narrow);
        await page.Locator("#at").FillAsync(centre.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#window").FillAsync(minutes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#h-timeline")).ToContainTextAsync($"(±{minutes} phút quanh {Local(centre)})");
        await Assertions.Expect(page.Locator("#timeline-incident")).ToContainTextAsync($"#{incident.Id}");
        Assert.Equal(SampleKeys(centre - narrow, centre + narrow), (await RowsAsync(page)).Select(r => r[1]).Order(StringComparer.Ordinal).ToList());
        await page.Locator("#earlier").ClickAsync();
        await Assertions.Expect(page.Locator("#h-timeline")).ToContainTextAsync($"từ {Local(moved[0])} đến");
        Assert.Equal(SampleKeys(moved[0], moved[0] + (2 * narrow)), (await RowsAsync(page)).Select(r => r[1]).Order(StringComparer.Ordinal).ToList());
        await page.Locator("#later").ClickAsync();
        await page.Locator("#later").ClickAsync();
        await Assertions.Expect(page.Locator("#h-timeline")).ToContainTextAsync($"từ {Local(moved[1])} đến");
        Assert.Equal(SampleKeys(moved[1], moved[1] + (2 * narrow)), (await RowsAsync(page)).Select(r => r[1]).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Where the window of ±<paramref name="half"/> around <paramref name="centre"/> starts after one move earlier, and after one move later.</summary>
    private static DateTimeOffset[] Moved(DateTimeOffset centre, TimeSpan half) => [centre - (3 * half), centre + half];

    private static string Local(DateTimeOffset time) => time.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
