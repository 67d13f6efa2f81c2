using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ATTT.Monitor.Collector.Tests.Incidents;

/// <summary>
/// Marking an incident a personal-data breach: only an administrator of its unit or of the province,
/// refusals audited; the mark, its audit row and its journal change in one transaction, at the
/// service's clock; a second mark keeps the first one (the clock is not restarted).
/// </summary>
public sealed class PersonalDataBreachTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    private const string Unit = "xa-sang-moc";

    private static IncidentService Service(IncidentsHarness h) =>
        new(h.Db.Database, new ListEventStore([]), h.Audit, h.Clock, NullLogger<IncidentService>.Instance);

    private static async Task<long> OpenAsync(IncidentsHarness h) =>
        (await h.Manager.RecordDetectionsAsync([Hits.Brute(1, T0 - TimeSpan.FromDays(3), unit: Unit, level: "high")], Ct))[0].IncidentId;

    [Fact]
    public async Task An_administrator_of_the_unit_marks_it_once_at_the_service_clock_and_the_journal_carries_the_note()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        h.Clock.Set(T0);
        var id = await OpenAsync(h);
        var service = Service(h);
        h.Clock.Set(T0.AddHours(30));

        var mark = await service.MarkPersonalDataBreachAsync(id, "  Họ tên, số CCCD của 120 người dân  ", new Caller("admin.a", UserRoles.Admin, Unit), Ct);
        Assert.Equal(T0.AddHours(30), mark.KnownAt);
        Assert.Equal("Họ tên, số CCCD của 120 người dân", mark.Note);

        var change = (await h.JournaledAsync()).Single(c => c.Kind == IncidentChangeKind.PersonalDataBreachKnown);
        Assert.Equal(T0.AddHours(30), change.At);
        Assert.Equal("admin.a", change.Actor);
        Assert.Equal(mark.Note, change.Note);

        // A second mark, later, by the province: the first stands, nothing more is journaled or audited.
        h.Clock.Set(T0.AddHours(40));
        var again = await service.MarkPersonalDataBreachAsync(id, "khác", new Caller("admin.tinh", UserRoles.Admin, null), Ct);
        Assert.Equal(mark, again);
        Assert.Single(await h.JournaledAsync(), c => c.Kind == IncidentChangeKind.PersonalDataBreachKnown);
        var detail = await service.GetAsync(id, UnitScope.All, Ct);
        Assert.Equal(mark, detail!.PersonalDataBreach);
        Assert.Single(detail.Timeline, t => t.Action == IncidentService.PersonalDataAction);
    }

    [Fact]
    public async Task Others_are_refused_and_audited_another_units_administrator_does_not_find_it_and_an_empty_note_is_refused()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        h.Clock.Set(T0);
        var id = await OpenAsync(h);
        var service = Service(h);

        await Assert.ThrowsAsync<AccessRefusedException>(() => service.MarkPersonalDataBreachAsync(id, "dữ liệu", new Caller("canbo.a", UserRoles.Officer, Unit), Ct));
        await Assert.ThrowsAsync<AccessRefusedException>(() => service.MarkPersonalDataBreachAsync(id, "dữ liệu", new Caller("xem.tinh", UserRoles.Viewer, null), Ct));
        await Assert.ThrowsAsync<IncidentNotFoundException>(() => service.MarkPersonalDataBreachAsync(id, "dữ liệu", new Caller("admin.b", UserRoles.Admin, "phuong-khac"), Ct));
        var empty = await Assert.ThrowsAsync<InvalidIncidentCommandException>(() => service.MarkPersonalDataBreachAsync(id, "   ", new Caller("admin.a", UserRoles.Admin, Unit), Ct));
        Assert.Equal("note", empty.Field);

        var detail = await service.GetAsync(id, UnitScope.All, Ct);
        Assert.Null(detail!.PersonalDataBreach);
        Assert.Equal(2, detail.Timeline.Count(t => t.Action == AccessGuard.RefusedAction && t.Details!.StartsWith(IncidentService.PersonalDataAction, StringComparison.Ordinal)));
        Assert.DoesNotContain(await h.JournaledAsync(), c => c.Kind == IncidentChangeKind.PersonalDataBreachKnown);
    }
}
