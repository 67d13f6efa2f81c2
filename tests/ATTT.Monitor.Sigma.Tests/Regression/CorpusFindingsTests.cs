using ATTT.Monitor.Sigma.Tests.Support;

namespace ATTT.Monitor.Sigma.Tests.Regression;

/// <summary>What the corpus comparison of the speed change (one detection fewer, one rule fewer) turned up.</summary>
public sealed class CorpusFindingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("attt-sigma-findings-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // The regex timeout is wall-clock: a match that backtracks past it (here on purpose, in the
    // corpus because the machine was busy) must still be decided, by the linear-time engine.
    [Fact]
    public void A_regex_match_that_outlasts_the_backtracking_timeout_is_still_found()
    {
        var rule = RuleText.ProcessCreation("    selection:\n        CommandLine|re: '(a|aa)+b'\n    condition: selection");
        Assert.True(RuleText.Matches(rule, TestEvents.Sysmon1("x.exe", new string('a', 40) + "c ab")));
        Assert.False(RuleText.Matches(rule, TestEvents.Sysmon1("x.exe", new string('a', 40) + "c a")));
    }

    // Only rules/logsource-mapping.yml is the mapping; a SigmaHQ rule whose name ends in "mapping" is a rule.
    [Fact]
    public void A_rule_file_whose_name_ends_in_mapping_is_loaded_and_only_the_mapping_file_is_skipped()
    {
        File.WriteAllText(Path.Combine(_folder, "win_system_cert_use_no_strong_mapping.yml"),
            RuleText.ProcessCreation("    selection:\n        CommandLine: x\n    condition: selection"));
        File.WriteAllText(Path.Combine(_folder, "logsource-mapping.yml"), "sources:\n  - { product: windows, service: system, channel: System }\n");
        var set = SigmaRuleSet.Load([_folder]);
        Assert.Empty(set.Diagnostics);
        Assert.Single(set.Rules);
    }
}
