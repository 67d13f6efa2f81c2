using ATTT.Monitor.Sigma.Tests.Support;

namespace ATTT.Monitor.Sigma.Tests.Routing;

/// <summary>
/// Keyword rules go through the literal prefilter (a scan of every value of the event) instead
/// of being evaluated for every event; they must still find a keyword in any value, in any case.
/// </summary>
public class KeywordPrefilterTests
{
    private const string Sysmon = "Microsoft-Windows-Sysmon/Operational";

    private static readonly string Keywords = RuleText.ProcessCreation("""
            keywords:
                - 'mimikatz'
                - 'ketoan-01'
            condition: keywords
        """);

    private static readonly string AllKeywords = RuleText.ProcessCreation("""
            keywords:
                '|all':
                    - 'sekurlsa'
                    - 'explorer.exe'
            condition: keywords
        """);

    [Fact]
    public void A_keyword_rule_is_not_evaluated_for_every_event()
    {
        var rules = RuleText.Load(Keywords);
        Assert.Equal(0, rules.Router.Find(Sysmon, 1).AlwaysCount);
    }

    [Theory]
    [InlineData(@"C:\x\MIMIKATZ.exe", "x", true)]
    [InlineData(@"C:\x.exe", "run MimiKatz now", true)]
    [InlineData(@"C:\x.exe", "x", true)] // Computer is PC-KETOAN-01
    public void A_keyword_is_found_in_any_value_in_any_case(string image, string commandLine, bool expected) =>
        Assert.Equal(expected, RuleText.Matches(Keywords, TestEvents.Sysmon1(image, commandLine)));

    [Fact]
    public void A_value_without_any_keyword_does_not_match()
    {
        var e = TestEvents.Make(Sysmon, 1, ("Image", @"C:\x.exe"), ("CommandLine", "x"));
        var quiet = RuleText.ProcessCreation("""
                keywords:
                    - 'mimikatz'
                condition: keywords
            """);
        Assert.False(RuleText.Matches(quiet, e));
    }

    [Theory]
    [InlineData("SEKURLSA::logonpasswords", @"C:\Windows\explorer.exe", true)]
    [InlineData("SEKURLSA::logonpasswords", @"C:\Windows\cmd.exe", false)]
    [InlineData("x", @"C:\Windows\explorer.exe", false)]
    public void All_keywords_may_come_from_different_values(string commandLine, string parent, bool expected) =>
        Assert.Equal(expected, RuleText.Matches(AllKeywords, TestEvents.Sysmon1(@"C:\x.exe", commandLine, parent)));
}
