using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Posture;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.Options;
using static ATTT.Monitor.Collector.Tests.Posture.PostureEvaluatorTests;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Tests.Posture;

public sealed class PostureServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly AgentIdentity Agent = new("a_01", "xa-sang-moc", "PC-KETOAN-01", false);

    [Fact]
    public async Task Protection_turned_off_opens_one_incident_which_resolves_itself_with_its_duration()
    {
        await using var db = await StateDatabaseFixture.CreateAsync(PostureSchema.Migrations);
        var clock = new ManualTimeProvider();
        var manager = new IncidentManager(db.Database, new ATTT.Monitor.Collector.Audit.SqliteAuditLog(db.Database), Options.Create(new IncidentsOptions()), clock);
        var store = new PostureStore(db.Database);
        var service = new PostureService(store, manager, Options.Create(new PostureOptions()), clock);

        await service.RecordAsync(Agent, Report(defender: Defender()), "{}", Ct);
        clock.Advance(TimeSpan.FromMinutes(5));
        await service.RecordAsync(Agent, Report(defender: Defender(realtime: false)), "{}", Ct);
        clock.Advance(TimeSpan.FromMinutes(5));
        await service.RecordAsync(Agent, Report(defender: Defender(realtime: false)), "{}", Ct);
        Assert.Equal(1, await db.ScalarAsync("SELECT COUNT(*) FROM incidents WHERE category = 'protection_disabled' AND state = 'new'"));
        clock.Advance(TimeSpan.FromMinutes(20));
        await service.RecordAsync(Agent, Report(defender: Defender()), "{}", Ct);

        Assert.Equal(1, await db.ScalarAsync("SELECT COUNT(*) FROM incidents"));
        Assert.Equal(1, await db.ScalarAsync("SELECT COUNT(*) FROM incidents WHERE state = 'resolved' AND duration_seconds = 1500"));
        var current = Assert.Single(await store.ListAsync(UnitScope.Of(["xa-sang-moc"]), Ct));
        Assert.True(current.Realtime);
        Assert.Empty(current.Conditions);
        Assert.Empty(await store.ListAsync(UnitScope.Of(["phuong-khac"]), Ct));
        var history = await store.HistoryAsync("a_01", UnitScope.All, 10, Ct);
        Assert.Equal(3, history.Count);
        Assert.Equal(["protection_off"], history[1].Conditions);
    }

    [Fact]
    public async Task No_antivirus_and_old_signatures_are_separate_incidents_on_the_host()
    {
        await using var db = await StateDatabaseFixture.CreateAsync(PostureSchema.Migrations);
        var clock = new ManualTimeProvider();
        var manager = new IncidentManager(db.Database, new ATTT.Monitor.Collector.Audit.SqliteAuditLog(db.Database), Options.Create(new IncidentsOptions()), clock);
        var service = new PostureService(new PostureStore(db.Database), manager, Options.Create(new PostureOptions()), clock);

        await service.RecordAsync(Agent, Report(products: []), "{}", Ct);
        await service.RecordAsync(Agent, Report(defender: Defender(ageDays: 10)), "{}", Ct);

        Assert.Equal(1, await db.ScalarAsync("SELECT COUNT(*) FROM incidents WHERE group_key = 'condition:no_antivirus' AND state = 'resolved'"));
        Assert.Equal(1, await db.ScalarAsync("SELECT COUNT(*) FROM incidents WHERE group_key = 'condition:signatures_outdated' AND state = 'new' AND severity = 2"));
        Assert.Equal(1, await db.ScalarAsync("SELECT COUNT(*) FROM incidents WHERE host = 'PC-KETOAN-01' AND unit = 'xa-sang-moc' AND agent_id = 'a_01' AND group_key = 'condition:signatures_outdated'"));
    }
}
