using System.Text;
using ATTT.Monitor.Sigma.Tests.Support;

namespace ATTT.Monitor.Sigma.Tests.Matching;

/// <summary>Cases the property tests found where the engine departed from the specification or from itself.</summary>
public class SpecConformanceTests
{
    private static bool Match(string fieldLine, string commandLine) =>
        RuleText.Matches(RuleText.ProcessCreation($"    selection:\n        {fieldLine}\n    condition: selection"),
            TestEvents.Sysmon1(@"C:\Windows\System32\cmd.exe", commandLine));

    private static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));

    // Spec (escaping): "\\" is one backslash and "\*" a plain asterisk; base64 encodes that plain value.
    [Fact]
    public void Base64_encodes_the_value_after_escapes_are_resolved()
    {
        Assert.True(Match(@"CommandLine|base64: 'C:\\x'", B64(@"C:\x")));
        Assert.False(Match(@"CommandLine|base64: 'C:\\x'", B64(@"C:\\x")));
        Assert.True(Match(@"CommandLine|base64: 'a\*b'", B64("a*b")));
        Assert.True(Match(@"CommandLine|base64offset|contains: 'run\*all'", "x " + B64("  run*all now")));
    }

    [Fact]
    public void Base64_of_a_real_wildcard_is_still_refused_with_a_reason()
    {
        var set = SigmaRuleSet.LoadText(RuleText.ProcessCreation("    selection:\n        CommandLine|base64: 'a*b'\n    condition: selection"));
        Assert.Contains("wildcards", Assert.Single(set.Diagnostics).Reason, StringComparison.Ordinal);
    }

    // OrdinalIgnoreCase does not equate U+017F (long s) with 's'; a wildcard value must agree with a plain one.
    [Theory]
    [InlineData("CommandLine: '\u017Fx'", "sx")]
    [InlineData("CommandLine: '\u017F*'", "sx")]
    [InlineData("CommandLine|contains: '\u017F'", "sx")]
    [InlineData("CommandLine|contains: '\u017F?x'", "saxx")]
    public void Long_s_folds_the_same_with_and_without_wildcards(string fieldLine, string commandLine) =>
        Assert.False(Match(fieldLine, commandLine));

    [Theory]
    [InlineData("CommandLine: '\u017Fx'", "\u017FX")]
    [InlineData("CommandLine: '\u017F*'", "\u017Fx")]
    [InlineData("CommandLine|contains: 'who\u017F?'", "WHO\u017Fx")]
    public void Long_s_still_matches_itself(string fieldLine, string commandLine) =>
        Assert.True(Match(fieldLine, commandLine));
}
