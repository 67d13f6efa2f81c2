namespace ATTT.Monitor.Sigma.Tests.Regression;

/// <summary>One SigmaHQ regression case: a folder with an .evtx and info.yml (rule id, match_count).</summary>
public sealed record RegressionCase(string Folder, string RuleId, int MatchCount)
{
    public static IReadOnlyList<RegressionCase> All()
    {
        var cases = new List<RegressionCase>();
        foreach (var info in Directory.GetFiles(Support.Paths.RegressionData, "info.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllLines(info);
            // info.yml is machine-written: "rule_metadata: - id: X" and an optional "match_count: N".
            var meta = Array.FindIndex(text, l => l.StartsWith("rule_metadata:", StringComparison.Ordinal));
            var id = text.Skip(meta).First(l => l.TrimStart().StartsWith("- id:", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
            var countLine = text.FirstOrDefault(l => l.TrimStart().StartsWith("match_count:", StringComparison.Ordinal));
            var count = countLine is null ? 1 : int.Parse(countLine.Split(':', 2)[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            cases.Add(new RegressionCase(Path.GetDirectoryName(info)!, id, count));
        }

        return cases;
    }

    public override string ToString() => Path.GetRelativePath(Support.Paths.RegressionData, Folder);
}
