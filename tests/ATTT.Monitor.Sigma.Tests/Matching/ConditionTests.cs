using ATTT.Monitor.Sigma.Tests.Support;

namespace ATTT.Monitor.Sigma.Tests.Matching;

/// <summary>The condition language: and/or/not, parentheses, `1 of`, `all of`, `them`, keywords.</summary>
public class ConditionTests
{
    private const string Searches = """
            sel_a:
                CommandLine|contains: alpha
            sel_b:
                CommandLine|contains: beta
            filter_c:
                CommandLine|contains: gamma
        """;

    private static bool Match(string condition, string commandLine) =>
        RuleText.Matches(RuleText.ProcessCreation($"{Searches}\n    condition: {condition}"), TestEvents.Sysmon1("x.exe", commandLine));

    [Theory]
    [InlineData("sel_a and sel_b", "alpha beta", true)]
    [InlineData("sel_a and sel_b", "alpha", false)]
    [InlineData("sel_a or sel_b", "beta", true)]
    [InlineData("sel_a and not filter_c", "alpha gamma", false)]
    [InlineData("sel_a and not filter_c", "alpha", true)]
    [InlineData("not sel_a or sel_b", "alpha", false)]
    [InlineData("sel_a or sel_b and filter_c", "alpha", true)]
    [InlineData("(sel_a or sel_b) and filter_c", "alpha", false)]
    [InlineData("1 of sel_*", "beta", true)]
    [InlineData("all of sel_*", "beta", false)]
    [InlineData("all of sel_*", "alpha beta", true)]
    [InlineData("1 of them", "gamma", true)]
    [InlineData("all of them", "alpha beta gamma", true)]
    [InlineData("all of them", "alpha beta", false)]
    [InlineData("1 of sel_* and not 1 of filter_*", "alpha gamma", false)]
    [InlineData("NOT sel_a AND sel_b", "beta", true)]
    public void Condition_is_evaluated_with_sigma_precedence(string condition, string commandLine, bool expected) =>
        Assert.Equal(expected, Match(condition, commandLine));

    [Theory]
    [InlineData("sel_a | count() by Image > 5", SigmaDiagnosticKind.Unsupported, "aggregation")]
    [InlineData("sel_a near sel_b", SigmaDiagnosticKind.Invalid, "near")]
    [InlineData("sel_a and nothing", SigmaDiagnosticKind.Invalid, "nothing")]
    [InlineData("(sel_a", SigmaDiagnosticKind.Invalid, "(")]
    [InlineData("sel_a and", SigmaDiagnosticKind.Invalid, "ends")]
    [InlineData("1 of zzz*", SigmaDiagnosticKind.Invalid, "zzz")]
    public void Bad_conditions_are_named(string condition, SigmaDiagnosticKind kind, string mentioned)
    {
        var set = SigmaRuleSet.LoadText(RuleText.ProcessCreation($"{Searches}\n    condition: {condition}"));
        var d = Assert.Single(set.Diagnostics);
        Assert.Equal(kind, d.Kind);
        Assert.Contains(mentioned, d.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Keywords_search_every_value_and_lists_of_maps_are_ored()
    {
        var yaml = RuleText.ProcessCreation("""
                keywords:
                    - 'mimikatz'
                    - 'sekurlsa'
                maps:
                    - Image|endswith: '\a.exe'
                    - Image|endswith: '\b.exe'
                condition: keywords or maps
            """);
        Assert.True(RuleText.Matches(yaml, TestEvents.Sysmon1(@"C:\x.exe", "run SEKURLSA::logonpasswords")));
        Assert.True(RuleText.Matches(yaml, TestEvents.Sysmon1(@"C:\b.exe", "x")));
        Assert.False(RuleText.Matches(yaml, TestEvents.Sysmon1(@"C:\c.exe", "x")));
    }
}
