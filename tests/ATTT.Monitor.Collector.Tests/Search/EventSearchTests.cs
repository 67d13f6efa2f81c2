using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Search;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Sqlite;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ATTT.Monitor.Collector.Tests.Search;

/// <summary>
/// Event search as a caller makes it, on a real events.db and audit log: a commune's user sees only
/// its unit's events whatever it asks; asking for another unit is refused and audited; a content
/// filter stops at its scan budget and says where; the body dictionary is trained and used.
/// </summary>
public sealed class EventSearchTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly TempFolder _folder = new();
    private SqliteEventStore _store = null!;
    private SqliteAuditLog _audit = null!;
    private EventSearch _search = null!;

    private static readonly Caller ProvinceViewer = new("tinh", UserRoles.Viewer, null);
    private static readonly Caller CommuneA = new("can-bo-a", UserRoles.Officer, "xa-a");

    public async ValueTask InitializeAsync()
    {
        var state = new EmbeddedDatabase(Path.Combine(_folder.Path, "attt.db"), AuditSchema.Migrations);
        await state.InitializeAsync(Ct);
        _audit = new SqliteAuditLog(state);
        _store = new SqliteEventStore(new EventsDatabase(Path.Combine(_folder.Path, EventsDatabase.FileName)), new EventAppendedSignal(), new CommittedEventFeed(0),
            new EventStoreOptions(), NullLogger<SqliteEventStore>.Instance);
        _search = new EventSearch(_store, _audit, new TestClock());
        var a = new AgentIdentity("a_a", "xa-a", "PC-A", false);
        var b = new AgentIdentity("a_b", "xa-b", "PC-B", false);
        await _store.AppendBatchAsync(a, TestEvents.Batch(a.AgentId, 1, 300, 1, computer: "PC-A"), TestClock.DefaultStart, Ct);
        await _store.AppendBatchAsync(b, TestEvents.Batch(b.AgentId, 1, 5, 1000, computer: "PC-B"), TestClock.DefaultStart, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_commune_user_sees_only_its_units_events()
    {
        var mine = await _search.SearchAsync(CommuneA, new EventQuery { Limit = 1000 }, Ct);
        Assert.Equal(300, mine.Events.Count);
        Assert.All(mine.Events, e => Assert.Equal("xa-a", e.Unit));
        Assert.Empty((await _search.SearchAsync(CommuneA, new EventQuery { Host = "PC-B" }, Ct)).Events);
        Assert.Equal(305, (await _search.SearchAsync(ProvinceViewer, new EventQuery { Limit = 1000 }, Ct)).Events.Count);

        var other = (await _search.SearchAsync(ProvinceViewer, new EventQuery { Host = "PC-B", Limit = 1 }, Ct)).Events[0];
        Assert.Null(await _search.GetAsync(CommuneA, other.Id, Ct));
        Assert.NotNull(await _search.GetAsync(ProvinceViewer, other.Id, Ct));
    }

    [Fact]
    public async Task Asking_for_another_unit_is_refused_and_audited()
    {
        await Assert.ThrowsAsync<AccessRefusedException>(() => _search.SearchAsync(CommuneA, new EventQuery { Units = ["xa-b"] }, Ct));
        var refused = await _audit.QueryAsync(new AuditQuery { Area = EventSearch.AuditArea }, Ct);
        var entry = Assert.Single(refused);
        Assert.Equal(AccessGuard.RefusedAction, entry.Action);
        Assert.Equal("xa-b", entry.Target);
        Assert.Equal(5, (await _search.SearchAsync(ProvinceViewer, new EventQuery { Units = ["xa-b"] }, Ct)).Events.Count);
    }

    [Fact]
    public async Task A_text_filter_stops_at_its_scan_budget_and_continues_from_there()
    {
        // Record 1 is the oldest of PC-A's 300: 100 candidates per page cannot reach it at first.
        var query = new EventQuery { Units = ["xa-a"], Fields = [new EventFieldFilter("EventRecordID", "1")], ScanBudget = 100 };
        var first = await _search.SearchAsync(CommuneA, query, Ct);
        Assert.Empty(first.Events);
        Assert.True(first.BudgetSpent);
        Assert.Equal(100, first.Scanned);
        var second = await _search.SearchAsync(CommuneA, query with { Before = first.Next }, Ct);
        var third = await _search.SearchAsync(CommuneA, query with { Before = second.Next }, Ct);
        Assert.True(second.BudgetSpent);
        Assert.Equal([1L], third.Events.Select(e => e.Event.RecordId));
        Assert.False(third.BudgetSpent);
        Assert.Null(third.Next);
    }

    [Fact]
    public async Task After_enough_events_bodies_are_compressed_with_a_trained_dictionary()
    {
        var c = new AgentIdentity("a_c", "xa-a", "PC-C", false);
        for (var seq = 1; seq <= 5; seq++)
            await _store.AppendBatchAsync(c, TestEvents.Batch(c.AgentId, seq, 1000, seq * 1000L, computer: "PC-C"), TestClock.DefaultStart, Ct);
        await _store.DictionaryTraining;
        await _store.AppendBatchAsync(c, TestEvents.Batch(c.AgentId, 6, 10, 90_000, computer: "PC-C"), TestClock.DefaultStart, Ct);

        await using var connection = await new EventsDatabase(Path.Combine(_folder.Path, EventsDatabase.FileName)).OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT dict, COUNT(*), AVG(length(body)) FROM events WHERE id > (SELECT MAX(id) - 10 FROM events) GROUP BY dict;";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        Assert.Equal(1L, reader.GetInt64(0));
        Assert.Equal(10L, reader.GetInt64(1));
        Assert.True(reader.GetDouble(2) < 100, $"{reader.GetDouble(2)} bytes per body");
        var newest = await _search.SearchAsync(CommuneA, new EventQuery { Host = "PC-C", Limit = 1 }, Ct);
        Assert.Equal(90_009L, newest.Events[0].Event.RecordId);
        Assert.True(newest.Events[0].Event.TryGetField("TargetUserName", out var user));
        Assert.Equal("nguyễn.văn.a", user);
    }
}
