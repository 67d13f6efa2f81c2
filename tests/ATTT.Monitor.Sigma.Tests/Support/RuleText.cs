namespace ATTT.Monitor.Sigma.Tests.Support;

/// <summary>Small Sigma rules written inline for tests.</summary>
internal static class RuleText
{
    /// <summary>A Sysmon process_creation rule with the given detection body (indented by 4).</summary>
    public static string ProcessCreation(string detection, string id = "11111111-1111-1111-1111-111111111111") => $"""
        title: Test rule
        id: {id}
        level: high
        logsource:
            product: windows
            category: process_creation
        detection:
        {detection}
        """;

    public static SigmaRuleSet Load(string yaml) => SigmaRuleSet.LoadText(yaml);

    public static bool Matches(string yaml, ATTT.Monitor.Events.EventRecord e)
    {
        var set = Load(yaml);
        Assert.Empty(set.Diagnostics);
        return set.CreateEngine().Evaluate(e).Count > 0;
    }
}
