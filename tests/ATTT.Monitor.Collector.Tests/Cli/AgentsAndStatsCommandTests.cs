using System.Text.Json;
using ATTT.Monitor.Collector.Cli;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Agents;
using ATTT.Monitor.Collector.Storage.Sqlite;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ATTT.Monitor.Collector.Tests.Cli;

/// <summary><c>attt agents enroll-code</c>, <c>agents list|revoke</c> and <c>attt stats</c> on a real data folder.</summary>
public sealed class AgentsAndStatsCommandTests : IDisposable
{
    private readonly TempFolder _data = new();
    private readonly TestClock _clock = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    private async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CollectorCommandLine.RunAsync(args, stdout, stderr, _clock);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private async Task<AgentRegistry> Registry()
    {
        var database = new EmbeddedDatabase(Path.Combine(_data.Path, "attt.db"), [IngestSchema.V1]);
        await database.InitializeAsync(TestContext.Current.CancellationToken);
        return new AgentRegistry(database, _clock); // the same clock as the command under test
    }

    [Fact]
    public async Task Enroll_code_prints_a_code_on_the_last_line_that_enrolls_an_agent_of_the_unit()
    {
        var (code, output, _) = await Run("agents", "enroll-code", "--data", _data.Path, "--unit", "phường-1", "--ttl", "30m");
        Assert.Equal(0, code);
        var enrollment = output.TrimEnd().Split('\n')[^1].Trim();
        var agent = await (await Registry()).EnrollAsync(enrollment, "PC-1", null, null, TestContext.Current.CancellationToken);
        Assert.Equal("phường-1", agent!.Agent.Unit);

        (code, output, _) = await Run("agents", "enroll-code", "--data", _data.Path);
        var other = await (await Registry()).EnrollAsync(output.Trim(), "PC-2", null, null, TestContext.Current.CancellationToken);
        Assert.Equal(AgentsCommands.DefaultUnit, other!.Agent.Unit);

        (code, output, _) = await Run("agents", "enroll-code", "--data", _data.Path, "--count", "3");
        Assert.Equal(3, output.Trim().Split('\n').Distinct().Count());
    }

    [Theory]
    [InlineData("--ttl", "soon")]
    [InlineData("--ttl", "-1h")]
    [InlineData("--count", "0")]
    public async Task Bad_options_exit_2_naming_the_option(string option, string value)
    {
        var (code, _, error) = await Run("agents", "enroll-code", "--data", _data.Path, option, value);
        Assert.Equal(2, code);
        Assert.Contains(option, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agents_list_and_revoke()
    {
        var (agent, _) = await (await Registry()).EnrollInternalAsync("xa", "PC-9", false, TestContext.Current.CancellationToken);
        var (_, listed, _) = await Run("agents", "list", "--data", _data.Path);
        Assert.Contains(agent.AgentId, listed, StringComparison.Ordinal);
        Assert.Contains("active", listed, StringComparison.Ordinal);
        Assert.Equal(0, (await Run("agents", "revoke", agent.AgentId, "--data", _data.Path)).Code);
        Assert.True((await (await Registry()).GetAsync(agent.AgentId, TestContext.Current.CancellationToken))!.Revoked);
        Assert.Equal(2, (await Run("agents", "revoke", "a_nobody", "--data", _data.Path)).Code);
    }

    [Fact]
    public async Task Stats_counts_events_agents_and_incidents_as_one_json_object()
    {
        var (empty, output, _) = await Run("stats", "--data", _data.Path);
        Assert.Equal(0, empty);
        using (var doc = JsonDocument.Parse(output))
        {
            Assert.Equal(0, doc.RootElement.GetProperty("events").GetInt64());
            Assert.Equal(0, doc.RootElement.GetProperty("incidents").GetInt64());
            Assert.Equal(0, doc.RootElement.GetProperty("agents").GetInt64());
        }

        var (agent, _) = await (await Registry()).EnrollInternalAsync("xa", "PC-1", false, TestContext.Current.CancellationToken);
        await using (var store = new SqliteEventStore(new EventsDatabase(Path.Combine(_data.Path, EventsDatabase.FileName)), new EventAppendedSignal(), new CommittedEventFeed(0), new EventStoreOptions(), NullLogger<SqliteEventStore>.Instance))
            await store.AppendBatchAsync(agent, TestEvents.Batch(agent.AgentId, 1, 7), TestClock.DefaultStart, TestContext.Current.CancellationToken);
        // The incidents area creates its own table; stats counts it when it is there.
        await using (var connection = await new EmbeddedDatabase(Path.Combine(_data.Path, "attt.db"), []).OpenAsync(TestContext.Current.CancellationToken))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "CREATE TABLE incidents (id INTEGER PRIMARY KEY); INSERT INTO incidents DEFAULT VALUES; INSERT INTO incidents DEFAULT VALUES;";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var (code, json, _) = await Run("stats", "--data", _data.Path);
        Assert.Equal(0, code);
        Assert.Single(json.Trim().Split('\n'));
        using var stats = JsonDocument.Parse(json);
        Assert.Equal(7, stats.RootElement.GetProperty("events").GetInt64());
        Assert.Equal(2, stats.RootElement.GetProperty("incidents").GetInt64());
        Assert.Equal(1, stats.RootElement.GetProperty("agents").GetInt64());
    }

    [Fact]
    public async Task Stats_on_a_missing_folder_exits_2()
    {
        var (code, _, error) = await Run("stats", "--data", Path.Combine(_data.Path, "nowhere"));
        Assert.Equal(2, code);
        Assert.Contains("nowhere", error, StringComparison.Ordinal);
    }
}
