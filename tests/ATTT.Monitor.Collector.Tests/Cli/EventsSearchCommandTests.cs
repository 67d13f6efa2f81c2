using System.Text.Json;
using ATTT.Monitor.Collector.Cli;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Sqlite;
using ATTT.Monitor.Collector.Tests.Support;
using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ATTT.Monitor.Collector.Tests.Cli;

/// <summary><c>attt events search</c> on a real data folder, as ../shared/CONTRACT.md gives it.</summary>
public sealed class EventsSearchCommandTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly TempFolder _data = new();

    public async ValueTask InitializeAsync()
    {
        await new EmbeddedDatabase(Path.Combine(_data.Path, "attt.db"), []).InitializeAsync(Ct);
        await using var store = new SqliteEventStore(new EventsDatabase(Path.Combine(_data.Path, EventsDatabase.FileName)), new EventAppendedSignal(), new CommittedEventFeed(0),
            new EventStoreOptions(), NullLogger<SqliteEventStore>.Instance);
        var a = new AgentIdentity("a_cli", "xa-a", "PC-A", false);
        await store.AppendBatchAsync(a, new ATTT.Monitor.Events.Wire.EventBatch(a.AgentId, 1, TestClock.DefaultStart, 0,
        [
            TestEvents.Logon(1, "PC-A"),
            TestEvents.Logon(2, "PC-A", user: "<script>alert(1)</script>"),
            TestEvents.Logon(3, "PC-A", channel: "System", eventId: 7045),
        ]), TestClock.DefaultStart, Ct);
        var b = new AgentIdentity("a_cli_b", "xa-b", "PC-B", false);
        await store.AppendBatchAsync(b, TestEvents.Batch(b.AgentId, 1, 2, 10, computer: "PC-B"), TestClock.DefaultStart, Ct);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _data.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CollectorCommandLine.RunAsync(["events", "search", "--data", _data.Path, .. args], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Jsonl_lines_are_dump_shaped_events_with_host_unit_and_received_at_newest_first()
    {
        var (code, output, error) = await Run("--unit", "xa-a", "--channel", "security");
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Equal("PC-A", root.GetProperty("host").GetString());
        Assert.Equal("xa-a", root.GetProperty("unit").GetString());
        Assert.Equal(EventTime.Format(TestClock.DefaultStart), root.GetProperty("received_at").GetString());
        Assert.Equal(2, root.GetProperty("Event").GetProperty("System").GetProperty("EventRecordID").GetInt64());
        // Attacker text stays data: escaped in the line, equal once read.
        Assert.DoesNotContain("<script>", lines[0], StringComparison.Ordinal);
        Assert.Equal("<script>alert(1)</script>", root.GetProperty("Event").GetProperty("EventData").GetProperty("TargetUserName").GetString());
        // The line reads back as the event it was, through the reader attt scan uses for .jsonl.
        var back = EventJsonReader.Parse(System.Text.Encoding.UTF8.GetBytes(lines[1]));
        Assert.Equal(1, back.RecordId);
        Assert.Equal(4625, back.EventId);
        Assert.Equal(TestEvents.BaseTime.AddSeconds(1), back.TimeCreated);
        Assert.True(back.TryGetField("LogonType", out var logonType));
        Assert.Equal("3", logonType);
        Assert.StartsWith("2 events", error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_filter_narrows_and_limit_pages_with_before()
    {
        Assert.Equal(5, (await Run()).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Single((await Run("--event-id", "7045")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, (await Run("--host", "pc-b")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Single((await Run("--field", "TargetUserName=<SCRIPT>alert(1)</SCRIPT>")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Single((await Run("--text", "alert(1)", "--field", "LogonType=3")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, (await Run("--from", EventTime.Format(TestEvents.BaseTime.AddSeconds(2)), "--to", EventTime.Format(TestEvents.BaseTime.AddSeconds(4)))).Out
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        var (_, page, summary) = await Run("--limit", "3", "--format", "table");
        var rows = page.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("time\thost\tunit\tchannel\tevent_id\trecord_id\tid", rows[0]);
        Assert.Equal(4, rows.Length);
        var before = summary.Trim().Split(' ')[^1];
        var (_, rest, _) = await Run("--limit", "3", "--format", "table", "--before", before);
        Assert.Equal(3, rest.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("--from", "hôm qua", "--from \"hôm qua\" is not a time")]
    [InlineData("--field", "TargetUserName", "--field \"TargetUserName\" is not NAME=VALUE")]
    [InlineData("--event-id", "-1", "--event-id \"-1\" is not a whole number")]
    public async Task A_bad_filter_exits_2_with_one_sentence_naming_it(string option, string value, string expected)
    {
        var (code, output, error) = await Run(option, value);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith(expected, error.Trim(), StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task From_after_to_and_a_folder_without_a_store_exit_2()
    {
        var (code, _, error) = await Run("--from", "2026-11-28", "--to", "2026-11-27");
        Assert.Equal(2, code);
        Assert.Contains("--from (2026-11-28) is after to (2026-11-27)", error, StringComparison.Ordinal);
        using var empty = new TempFolder();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(2, await CollectorCommandLine.RunAsync(["events", "search", "--data", empty.Path], stdout, stderr));
        Assert.Contains("holds no ATTT Monitor store", stderr.ToString(), StringComparison.Ordinal);
    }
}
