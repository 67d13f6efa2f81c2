using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Agents;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ATTT.Monitor.Collector.Tests.Storage;

/// <summary>The group-committing batch counter writer on a real state database file.</summary>
public sealed class AgentBatchRecorderTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero));
    private EmbeddedDatabase _database = null!;
    private AgentRegistry _registry = null!;
    private AgentBatchRecorder _recorder = null!;

    public async ValueTask InitializeAsync()
    {
        _database = new EmbeddedDatabase(Path.Combine(_folder.Path, "attt.db"), [IngestSchema.V1]);
        await _database.InitializeAsync(TestContext.Current.CancellationToken);
        _registry = new AgentRegistry(_database, _clock);
        _recorder = new AgentBatchRecorder(_database, _clock, NullLogger<AgentBatchRecorder>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await _recorder.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_batches_of_many_agents_all_count_and_are_committed_before_the_answer()
    {
        var agents = new List<AgentIdentity>();
        for (var i = 0; i < 8; i++)
            agents.Add((await _registry.EnrollInternalAsync("xa", $"PC-{i}", isDrill: false, Ct)).Agent);

        // 8 agents x 25 batches posted at once: they meet in shared transactions.
        var tasks = agents.SelectMany(a => Enumerable.Range(1, 25).Select(seq => _recorder.RecordAsync(a.AgentId, seq, 2, Ct))).ToList();
        var results = await Task.WhenAll(tasks);

        Assert.All(results, r => Assert.InRange(r.DroppedTotal, 2, 50));
        foreach (var agent in agents)
        {
            // Read through the registry (another connection): what was answered is committed.
            var info = (await _registry.GetAsync(agent.AgentId, Ct))!;
            Assert.Equal(25, info.LastSequence);
            Assert.Equal(50, info.DroppedTotal);
            Assert.Equal(_clock.Now, info.LastSeenAt);
        }
    }

    [Fact]
    public async Task Batches_of_one_agent_report_the_counters_before_each_in_order()
    {
        var (agent, _) = await _registry.EnrollInternalAsync("xa", "PC-1", isDrill: false, Ct);
        Assert.Equal(new BatchRecordResult(0, 0), await _recorder.RecordAsync(agent.AgentId, 1, 0, Ct));
        Assert.Equal(new BatchRecordResult(1, 12), await _recorder.RecordAsync(agent.AgentId, 5, 12, Ct));
        Assert.Equal(new BatchRecordResult(5, 13), await _recorder.RecordAsync(agent.AgentId, 3, 1, Ct));
        Assert.Equal(5, (await _registry.GetAsync(agent.AgentId, Ct))!.LastSequence);
    }

    [Fact]
    public async Task An_unknown_agent_fails_alone_while_the_others_in_its_group_commit()
    {
        var (agent, _) = await _registry.EnrollInternalAsync("xa", "PC-1", isDrill: false, Ct);
        var good = Enumerable.Range(1, 20).Select(seq => _recorder.RecordAsync(agent.AgentId, seq, 1, Ct)).ToList();
        var unknown = _recorder.RecordAsync("no-such-agent", 1, 0, Ct);
        var moreGood = Enumerable.Range(21, 20).Select(seq => _recorder.RecordAsync(agent.AgentId, seq, 1, Ct)).ToList();

        await Assert.ThrowsAsync<KeyNotFoundException>(() => unknown);
        await Task.WhenAll(good.Concat(moreGood));
        var info = (await _registry.GetAsync(agent.AgentId, Ct))!;
        Assert.Equal(40, info.LastSequence);
        Assert.Equal(40, info.DroppedTotal);
    }
}
