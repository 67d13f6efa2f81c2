using System.Text.Json;
using ATTT.Monitor.Collector.Cli;
using ATTT.Monitor.Collector.Tests.Support;
using static ATTT.Monitor.Collector.Tests.Support.Hits;

namespace ATTT.Monitor.Collector.Tests.Incidents;

public sealed class IncidentListingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Incidents_list_writes_the_contract_keys_newest_first()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        await h.Manager.RecordDetectionsAsync([Brute(1, T0), Brute(2, T0.AddMinutes(5)), Ransom(3, T0.AddHours(2)) with { RuleTitle = "Tiêu đề \"lạ\"\n\u001b[31m" }], Ct);
        var stdout = new StringWriter();
        var code = await CollectorCommandLine.RunAsync(["incidents", "list", "--data", h.Db.Folder, "--format", "jsonl"], stdout, new StringWriter());

        Assert.Equal(0, code);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var newest = JsonDocument.Parse(lines[0]);
        var root = newest.RootElement;
        foreach (var key in new[] { "id", "title", "rule_id", "severity", "state", "host", "first_seen", "last_seen", "count" })
            Assert.True(root.TryGetProperty(key, out _), key);
        Assert.Equal("Tiêu đề \"lạ\"\n\u001b[31m", root.GetProperty("title").GetString());
        Assert.Equal("critical", root.GetProperty("severity").GetString());
        Assert.Equal("new", root.GetProperty("state").GetString());
        using var older = JsonDocument.Parse(lines[1]);
        Assert.Equal(2, older.RootElement.GetProperty("count").GetInt64());
        Assert.Equal("2026-11-27T02:00:00.000000Z", older.RootElement.GetProperty("first_seen").GetString());
        Assert.Equal("2026-11-27T02:05:00.000000Z", older.RootElement.GetProperty("last_seen").GetString());
        Assert.Equal("medium", older.RootElement.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task The_table_format_keeps_control_characters_off_the_terminal()
    {
        await using var h = await IncidentsHarness.CreateAsync();
        await h.Manager.RecordDetectionsAsync([Brute(1, T0) with { RuleTitle = "x\u001b[2Jy" }], Ct);
        var stdout = new StringWriter();
        Assert.Equal(0, await CollectorCommandLine.RunAsync(["incidents", "list", "--data", h.Db.Folder], stdout, new StringWriter()));
        Assert.DoesNotContain('\u001b', stdout.ToString());
        Assert.Contains("x\uFFFD[2Jy", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_a_store_is_bad_input()
    {
        var stderr = new StringWriter();
        var missing = Path.Combine(Path.GetTempPath(), "attt-tests", Guid.NewGuid().ToString("N"));
        Assert.Equal(2, await CollectorCommandLine.RunAsync(["incidents", "list", "--data", missing], new StringWriter(), stderr));
        Assert.Contains("attt.db", stderr.ToString(), StringComparison.Ordinal);
    }
}
