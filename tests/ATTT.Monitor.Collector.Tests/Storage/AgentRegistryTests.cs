using System.Security.Cryptography;
using System.Text;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Agents;
using ATTT.Monitor.Collector.Tests.Support;
using ATTT.Monitor.Events.Wire.Agents;
using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Tests.Storage;

/// <summary>The agent registry on a real state database file.</summary>
public sealed class AgentRegistryTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero));
    private EmbeddedDatabase _database = null!;
    private AgentRegistry _registry = null!;

    public async ValueTask InitializeAsync()
    {
        _database = new EmbeddedDatabase(Path.Combine(_folder.Path, "attt.db"), [IngestSchema.V1]);
        await _database.InitializeAsync(TestContext.Current.CancellationToken);
        _registry = new AgentRegistry(_database, _clock);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_code_enrolls_one_agent_in_its_unit_and_only_once()
    {
        var code = await _registry.CreateEnrollmentCodeAsync("xã-sàng-mộc", TimeSpan.FromHours(24), Ct);
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", code);
        var enrolled = await _registry.EnrollAsync(code.ToLowerInvariant(), "PC-KETOAN-01", "Windows 10 Pro", "0.1.0", Ct);
        Assert.NotNull(enrolled);
        Assert.Equal("xã-sàng-mộc", enrolled.Agent.Unit);
        Assert.StartsWith("a_", enrolled.Agent.AgentId, StringComparison.Ordinal);
        Assert.Null(await _registry.EnrollAsync(code, "PC-2", null, null, Ct));
        Assert.Null(await _registry.EnrollAsync("AAAA-BBBB-CCCC", "PC-3", null, null, Ct));
    }

    [Fact]
    public async Task An_expired_code_is_refused()
    {
        var code = await _registry.CreateEnrollmentCodeAsync("xa", TimeSpan.FromMinutes(30), Ct);
        _clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Null(await _registry.EnrollAsync(code, "PC-1", null, null, Ct));
    }

    [Fact]
    public async Task Racing_enrollments_with_one_code_give_one_agent()
    {
        var code = await _registry.CreateEnrollmentCodeAsync("xa", TimeSpan.FromHours(1), Ct);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => _registry.EnrollAsync(code, "PC-" + i, null, null, Ct))));
        Assert.Single(results, r => r is not null);
        Assert.Single(await _registry.ListAsync(null, Ct));
    }

    [Fact]
    public async Task Tokens_authenticate_until_revoked_and_only_their_hashes_are_stored()
    {
        var code = await _registry.CreateEnrollmentCodeAsync("xa", TimeSpan.FromHours(1), Ct);
        var enrolled = (await _registry.EnrollAsync(code, "PC-1", null, null, Ct))!;
        Assert.Equal(enrolled.Agent, await _registry.AuthenticateAsync(enrolled.Token, Ct));
        Assert.Null(await _registry.AuthenticateAsync(enrolled.Token + "x", Ct));
        Assert.Null(await _registry.AuthenticateAsync("", Ct));

        var fileText = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(_database.FilePath, Ct));
        var walPath = _database.FilePath + "-wal";
        if (File.Exists(walPath))
            fileText += Encoding.Latin1.GetString(await File.ReadAllBytesAsync(walPath, Ct));
        Assert.DoesNotContain(enrolled.Token, fileText, StringComparison.Ordinal);
        Assert.DoesNotContain(code, fileText, StringComparison.Ordinal);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(enrolled.Token)));
        await using (var connection = await _database.OpenAsync(Ct))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT token_hash FROM agents;";
            Assert.Equal(hash, (string?)await command.ExecuteScalarAsync(Ct));
        }

        await _registry.RevokeAsync(enrolled.Agent.AgentId, Ct);
        Assert.Null(await _registry.AuthenticateAsync(enrolled.Token, Ct));
        Assert.True((await _registry.GetAsync(enrolled.Agent.AgentId, Ct))!.Revoked);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => _registry.RevokeAsync("a_nobody", Ct));
    }

    [Fact]
    public async Task Internal_agents_are_marked_as_drill_and_authenticate()
    {
        var (agent, token) = await _registry.EnrollInternalAsync("xa-drill", "DRILL-PC", isDrill: true, Ct);
        Assert.True(agent.IsDrill);
        Assert.Equal(agent, await _registry.AuthenticateAsync(token, Ct));
        Assert.True((await _registry.GetAsync(agent.AgentId, Ct))!.IsDrill);
    }

    [Fact]
    public async Task Batches_and_heartbeats_update_counters_inventory_and_last_contact()
    {
        var (agent, _) = await _registry.EnrollInternalAsync("xa", "PC-1", isDrill: false, Ct);
        Assert.Null((await _registry.GetAsync(agent.AgentId, Ct))!.LastSeenAt);
        var first = await _registry.RecordBatchAsync(agent.AgentId, 1, 0, Ct);
        Assert.Equal(new BatchRecordResult(0, 0), first);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var second = await _registry.RecordBatchAsync(agent.AgentId, 5, 12, Ct);
        Assert.Equal(new BatchRecordResult(1, 12), second);
        await _registry.RecordBatchAsync(agent.AgentId, 3, 1, Ct);
        var info = (await _registry.GetAsync(agent.AgentId, Ct))!;
        Assert.Equal(5, info.LastSequence);
        Assert.Equal(13, info.DroppedTotal);
        Assert.Equal(_clock.Now, info.LastSeenAt);

        _clock.Advance(TimeSpan.FromMinutes(1));
        await _registry.RecordHeartbeatAsync(agent.AgentId, new Heartbeat(agent.AgentId, null, new HeartbeatInventory("PC-1-RENAMED", "Windows 11 Pro", ["192.168.1.23", "fe80::1"], "0.2.0"), new HeartbeatSpool(4, 4096, 13, null)), Ct);
        info = (await _registry.GetAsync(agent.AgentId, Ct))!;
        Assert.Equal("PC-1-RENAMED", info.Host);
        Assert.Equal("Windows 11 Pro", info.OsVersion);
        Assert.Equal("0.2.0", info.AgentVersion);
        Assert.Equal(["192.168.1.23", "fe80::1"], info.IpAddresses);
        Assert.Equal(_clock.Now, info.LastSeenAt);
    }

    [Fact]
    public async Task Listing_filters_by_unit()
    {
        await _registry.EnrollInternalAsync("xa-a", "PC-1", false, Ct);
        await _registry.EnrollInternalAsync("xa-b", "PC-2", false, Ct);
        Assert.Equal(2, (await _registry.ListAsync(null, Ct)).Count);
        Assert.Equal("PC-2", Assert.Single(await _registry.ListAsync(["xa-b"], Ct)).Host);
        Assert.Empty(await _registry.ListAsync([], Ct));
    }

    [Fact]
    public async Task Agent_ids_are_unique_and_sortable_by_time()
    {
        var t = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 200).Select(i => Secrets.NewAgentId(t.AddMilliseconds(i))).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.All(ids, id => Assert.Matches("^a_[0-9A-HJKMNP-TV-Z]{26}$", id));
    }
}
