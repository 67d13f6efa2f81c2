using System.Text.Json;

namespace ATTT.Monitor.Signal.Bench;

/// <summary>
/// The rule matches of the same rules over the same files, from <c>attt scan</c> (the contract's jsonl):
/// the detections a replay should produce, and which of them are high or critical.
/// </summary>
internal sealed record ScanDetections(long Count, IReadOnlySet<EventKey> HighOrCritical, string? Unavailable)
{
    public static async Task<ScanDetections> RunAsync(string attt, IReadOnlyList<string> rules, string input)
    {
        var args = new List<string> { "scan" };
        foreach (var r in rules)
            args.AddRange(["--rules", r]);
        args.AddRange(["--input", input, "--format", "jsonl"]);
        var (code, output, error) = await Command.RunAsync(attt, [.. args]).ConfigureAwait(false);
        if (code != 0)
            return new ScanDetections(0, new HashSet<EventKey>(), error.Trim().Split('\n')[^1]);
        var high = new HashSet<EventKey>();
        long count = 0;
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            count++;
            using var doc = JsonDocument.Parse(line);
            var d = doc.RootElement;
            var level = d.GetProperty("level").GetString();
            if (level is "high" or "critical" && d.TryGetProperty("record_id", out var record) && record.ValueKind == JsonValueKind.Number)
                high.Add(new EventKey(d.GetProperty("computer").GetString() ?? "", d.GetProperty("channel").GetString() ?? "", record.GetInt64()));
        }

        return new ScanDetections(count, high, null);
    }
}

/// <summary>An event as Windows names it: the PC, the channel and the record id.</summary>
internal readonly record struct EventKey(string Computer, string Channel, long RecordId);
