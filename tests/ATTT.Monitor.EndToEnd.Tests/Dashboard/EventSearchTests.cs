using System.Globalization;
using System.Text.Json;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;
using ATTT.Monitor.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard;

/// <summary>
/// The event search in the browser over the attack samples the agents posted: each filter of the
/// form gives exactly the sample events it names (read from the .evtx files), pages move back and
/// forth, an event opens to its fields, hostile content stays text, and a commune sees only its own.
/// </summary>
[Collection(DeskCollection.Name)]
public sealed class EventSearchTests(DeskSiteFixture fixture)
{
    private const string Sysmon = "Microsoft-Windows-Sysmon/Operational";
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private static List<string> Keys(IEnumerable<EventRecord> events) =>
        [.. events.Select(e => EventRows.Key(e.Computer, e.Channel, e.EventId, e.RecordId)).Order(StringComparer.Ordinal)];

    private static List<string> Keys(IEnumerable<EventRows.Row> rows) => [.. rows.Select(EventRows.Key).Order(StringComparer.Ordinal)];

    private static async Task SearchAsync(IPage page, Dictionary<string, string> filters)
    {
        await page.GotoAsync("/events");
        foreach (var (id, value) in filters)
            await page.Locator("#" + id).FillAsync(value);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#event-results, #no-events, #search-error")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Each_filter_finds_exactly_the_sample_events_it_names()
    {
        var events = fixture.CommuneAEvents;
        var page = await fixture.SignInAsync("canbo.a");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sự kiện", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tìm kiếm sự kiện", Level = 1 })).ToBeVisibleAsync();

        var onHost = events.Where(e => e.Computer == DeskSiteFixture.SampleHost && e.Channel == Sysmon && e.EventId == 1).ToList();
        Assert.InRange(onHost.Count, 2, 50);
        await SearchAsync(page, new() { ["host"] = DeskSiteFixture.SampleHost.ToLowerInvariant(), ["channel"] = Sysmon, ["event_id"] = "1" });
        Assert.Equal(Keys(onHost), Keys(await EventRows.OfAsync(page)));

        // field=value: the image of one of those process creations, typed in another case.
        var image = onHost.Select(e => e.TryGetField("Image", out var v) ? v : null).First(v => v is not null)!;
        var withImage = events.Where(e => e.TryGetField("Image", out var v) && string.Equals(v, image, StringComparison.OrdinalIgnoreCase)).ToList();
        await SearchAsync(page, new() { ["field-0"] = "Image=" + image.ToUpperInvariant() });
        Assert.Equal(Keys(withImage), Keys(await EventRows.OfAsync(page)));

        // Free text, anywhere in an event's values.
        var spoken = events.Where(e => e.EnumerateValues().Any(v => v.Contains("procdump", StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.InRange(spoken.Count, 1, 50);
        await SearchAsync(page, new() { ["text"] = "ProcDump" });
        Assert.Equal(Keys(spoken), Keys(await EventRows.OfAsync(page)));

        // A day typed dd/mm/yyyy, in Vietnam time: the samples of that day and no other.
        var day = DateOnly.FromDateTime(onHost[0].TimeCreated.ToOffset(Vietnam).DateTime);
        var ofDay = events.Where(e => DateOnly.FromDateTime(e.TimeCreated.ToOffset(Vietnam).DateTime) == day && e.Computer == DeskSiteFixture.SampleHost).ToList();
        await SearchAsync(page, new()
        {
            ["host"] = DeskSiteFixture.SampleHost,
            ["from"] = day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            ["to"] = day.AddDays(1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        });
        Assert.Equal(Keys(ofDay), Keys(await EventRows.OfAsync(page)));
        // The times shown are dd/mm/yyyy too.
        await Assertions.Expect(page.Locator("#event-results tbody tr td").First).ToContainTextAsync(day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));

        // A time that cannot be read: the filter is named, the form keeps what was typed, and nothing is listed.
        await SearchAsync(page, new() { ["from"] = "31/02/2019" });
        await Assertions.Expect(page.Locator("#search-error")).ToContainTextAsync("Từ \"31/02/2019\": không phải thời gian hợp lệ (ghi ngày/tháng/năm");
        await Assertions.Expect(page.Locator("#from")).ToHaveValueAsync("31/02/2019");
        await Assertions.Expect(page.Locator("#event-results")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Pages_go_to_older_events_and_back_to_the_newest_and_an_event_opens_to_its_fields()
    {
        var page = await fixture.SignInAsync("canbo.a");
        await SearchAsync(page, []);
        var first = await EventRows.OfAsync(page);
        Assert.Equal(50, first.Count);

        await page.Locator("#older").ClickAsync();
        await Assertions.Expect(page.Locator("#newest")).ToBeVisibleAsync();
        var second = await EventRows.OfAsync(page);
        Assert.Equal(50, second.Count);
        Assert.Empty(first.Select(r => r.Id).Intersect(second.Select(r => r.Id)));

        // Every page until the last: together exactly commune A's events, each once.
        var all = new List<EventRows.Row>(first.Concat(second));
        while (await page.Locator("#older").CountAsync() > 0)
        {
            var url = page.Url;
            await page.Locator("#older").ClickAsync();
            await Assertions.Expect(page).Not.ToHaveURLAsync(url);
            all.AddRange(await EventRows.OfAsync(page));
        }

        Assert.Equal(Keys(fixture.CommuneAEvents), Keys(all));
        Assert.Equal(all.Count, all.Select(r => r.Id).Distinct().Count());

        await page.Locator("#newest").ClickAsync();
        await Assertions.Expect(page.Locator("#newest")).ToHaveCountAsync(0);
        Assert.Equal(first.Select(r => r.Id), (await EventRows.OfAsync(page)).Select(r => r.Id));

        // The newest sample event of the sample PC opens to its fields as the .evtx holds them.
        var sample = fixture.CommuneAEvents.Where(e => e.Computer == DeskSiteFixture.SampleHost && e.Fields.Count >= 3).MaxBy(e => e.TimeCreated)!;
        await SearchAsync(page, new() { ["host"] = sample.Computer, ["event_id"] = sample.EventId.ToString(CultureInfo.InvariantCulture), ["channel"] = sample.Channel });
        var row = page.Locator("#event-results tbody tr").Filter(new() { Has = page.Locator($"td:text-is('{sample.RecordId}')") });
        await row.First.GetByRole(AriaRole.Link, new() { Name = "Xem" }).ClickAsync();
        var fields = page.Locator("#event-fields");
        foreach (var field in sample.Fields.Where(f => !string.IsNullOrEmpty(f.Value)).Take(8))
        {
            await Assertions.Expect(fields.Locator("tr").Filter(new() { Has = page.Locator($"th:text-is('{field.Name}')") }).First.Locator("td"))
                .ToHaveTextAsync(field.Value!);
        }

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "20-su-kien-chi-tiet");
    }

    [Fact]
    public async Task A_hostile_event_is_shown_as_text_in_the_results_and_its_fields()
    {
        var page = await fixture.SignInAsync("canbo.a");
        await SearchAsync(page, new() { ["host"] = DeskSiteFixture.HostileHost });
        var rows = await EventRows.OfAsync(page);
        Assert.Equal(DeskSiteFixture.HostileHost, Assert.Single(rows).Host);
        await page.Locator("#event-results a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#event-fields")).ToContainTextAsync(DeskSiteFixture.HostilePayload);
        await Assertions.Expect(page.Locator("#event-fields")).ToContainTextAsync("<i id=\"xss-name\">n</i>");
        await Assertions.Expect(page.Locator("h2#h-event")).ToHaveTextAsync(DeskSiteFixture.HostileHost);
        await page.Mouse.MoveAsync(300, 400);
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.__xss === 'undefined'"), "a payload ran on the event page");
        Assert.Equal(0, await page.Locator("#xss-img, #xss-host, #xss-name, [onmouseover], main script").CountAsync());
    }

    [Fact]
    public async Task A_commune_never_sees_another_communes_events_in_the_page_or_the_api()
    {
        var onlyA = fixture.CommuneAEvents.Select(e => e.Computer).Except(fixture.CommuneBEvents.Select(e => e.Computer)).First(h => h.StartsWith("PC04", StringComparison.Ordinal));
        // A PC name both communes' samples use, with fewer events in commune B than one page holds.
        const string shared = "MSEDGEWIN10";
        Assert.InRange(fixture.CommuneBEvents.Count(e => e.Computer == shared), 1, 49);
        Assert.Contains(fixture.CommuneAEvents, e => e.Computer == shared);
        var store = fixture.Site.App.Services.GetRequiredService<IEventStore>();
        var eventOfA = (await store.SearchAsync(new EventQuery { Units = [DashboardSite.CommuneA], Host = onlyA, Limit = 1 }, TestContext.Current.CancellationToken)).Events.Single();

        var page = await fixture.SignInAsync("canbo.b");
        await SearchAsync(page, new() { ["host"] = onlyA });
        await Assertions.Expect(page.Locator("#no-events")).ToBeVisibleAsync();
        // Only commune B's own events of it.
        await SearchAsync(page, new() { ["host"] = shared });
        Assert.Equal(Keys(fixture.CommuneBEvents.Where(e => e.Computer == shared)), Keys(await EventRows.OfAsync(page)));
        await Assertions.Expect(page.Locator("#event-results")).Not.ToContainTextAsync(DashboardSite.CommuneA);

        Assert.Equal(403, (await page.GotoAsync("/events?unit=" + Uri.EscapeDataString(DashboardSite.CommuneA)))!.Status);
        Assert.Equal(404, (await page.GotoAsync($"/events/{eventOfA.Id}"))!.Status);

        var api = page.Context.APIRequest;
        var byHost = await api.GetAsync("/api/v1/events?host=" + Uri.EscapeDataString(onlyA));
        Assert.Equal(200, byHost.Status);
        using (var body = JsonDocument.Parse(await byHost.TextAsync()))
            Assert.Equal(0, body.RootElement.GetProperty("events").GetArrayLength());
        var everything = await api.GetAsync("/api/v1/events?limit=1000");
        using (var body = JsonDocument.Parse(await everything.TextAsync()))
        {
            var units = body.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("unit").GetString()).Distinct().ToList();
            Assert.Equal([DashboardSite.CommuneB], units);
            Assert.Equal(fixture.CommuneBEvents.Count, body.RootElement.GetProperty("events").GetArrayLength());
        }

        Assert.Equal(403, (await api.GetAsync("/api/v1/events?unit=" + Uri.EscapeDataString(DashboardSite.CommuneA))).Status);
    }
}
