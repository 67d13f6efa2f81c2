namespace ATTT.Monitor.Sigma.Tests.Regression;

/// <summary>
/// Every SigmaHQ regression case: `attt scan` over the regression folder (which reads each case's
/// .evtx and the .json beside it) finds the case's rule at least match_count times in its .evtx, and
/// exactly as often in its .json.
/// </summary>
public class RegressionTests(ScanOutputFixture scan) : IClassFixture<ScanOutputFixture>
{
    public static TheoryData<string> Cases() => new(RegressionCase.All().Select(c => c.ToString()));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scan_finds_the_rule_of_the_case(string name)
    {
        var c = RegressionCase.All().Single(x => x.ToString() == name);
        var output = scan.Output;
        Assert.Equal(0, output.ExitCode);
        var hits = Hits(c, ".evtx");
        Assert.True(hits >= c.MatchCount, $"{name}: rule {c.RuleId} matched {hits} times, expected at least {c.MatchCount}");
        Assert.Equal(hits, Hits(c, ".json"));
    }

    private int Hits(RegressionCase c, string extension) => scan.Output.Detections.Count(d =>
        d.GetProperty("rule_id").GetString() == c.RuleId
        && d.GetProperty("input").GetString() is { } input
        && input.EndsWith(extension, StringComparison.Ordinal)
        && string.Equals(Path.GetDirectoryName(input), c.Folder, StringComparison.Ordinal));

    [Fact]
    public void Scan_summary_is_the_last_stderr_line()
    {
        var last = scan.Output.Stderr.TrimEnd().Split('\n')[^1];
        Assert.Matches(@"^scanned \d+ events in \d+ files: \d+ detections, \d+ rules loaded, \d+ rules skipped$", last);
    }

    [Fact]
    public void Every_detection_has_the_contract_keys()
    {
        string[] keys = ["rule_id", "rule_title", "level", "input", "record_id", "timestamp", "computer", "channel", "event_id"];
        Assert.NotEmpty(scan.Output.Detections);
        foreach (var d in scan.Output.Detections)
            Assert.Equal(keys, d.EnumerateObject().Select(p => p.Name));
    }
}
