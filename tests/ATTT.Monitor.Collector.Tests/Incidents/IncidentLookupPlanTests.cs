using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Tests.Support;

namespace ATTT.Monitor.Collector.Tests.Incidents;

/// <summary>
/// The grouping lookup runs for every group of every detection slice: it must find the open incident
/// through the group index, whatever else the table holds. Left to itself SQLite's planner chose the
/// (unit, last_seen) index and walked every incident of the unit seen since the window's start, a
/// cost that grew with the table (the soak's rising CPU per minute).
/// </summary>
public sealed class IncidentLookupPlanTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_open_incident_lookup_searches_the_group_index_on_all_its_columns(bool windowed)
    {
        await using var h = await IncidentsHarness.CreateAsync();
        // Many incidents of one unit on other hosts, as a busy commune accumulates.
        for (var i = 0; i < 50; i++)
            await h.Manager.RecordDetectionsAsync([Hits.Brute(i + 1, Hits.T0.AddMinutes(i), host: $"PC-{i:D3}")], Ct);

        await using var connection = await h.Db.Database.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + IncidentRows.FindOpenSql(windowed);
        foreach (var (name, value) in new (string, object)[] { ("$key", "rule:x"), ("$unit", "u"), ("$host", "h"), ("$drill", 0), ("$from", "2026"), ("$to", "2027") })
        {
            if (command.CommandText.Contains(name, StringComparison.Ordinal))
                command.Parameters.AddWithValue(name, value);
        }

        var steps = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
                steps.Add(reader.GetString(3));
        }

        var search = Assert.Single(steps, s => s.StartsWith("SEARCH incidents", StringComparison.Ordinal));
        Assert.Contains("INDEX ix_incidents_group (group_key=? AND unit=? AND host=? AND is_drill=? AND state=?)", search, StringComparison.Ordinal);
    }
}
