using ATTT.Monitor.Collector.Cli;
using ATTT.Monitor.Collector.Packs;

namespace ATTT.Monitor.Collector.Tests.Detection.Packs;

/// <summary><c>attt rules update</c> and <c>rollback</c> as the contract states them, on archives built from ../shared/sigma.</summary>
public sealed class RulesUpdateCommandTests
{
    private static async Task<(int Code, string[] Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CollectorCommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), stderr.ToString());
    }

    [Fact]
    public async Task A_SigmaHQ_zip_is_installed_and_the_previous_pack_is_kept_for_rollback()
    {
        using var temp = new TempFolder();
        var data = Path.Combine(temp.Path, "data");
        var first = SigmaArchives.Security(temp.Path, "sigma_core+.zip", leaveOut: [SigmaArchives.LogClearedFile]);
        var second = SigmaArchives.Security(temp.Path, "sigma_r2026-11-30.zip");

        var (code, output, err) = await Run("rules", "update", "--from", first, "--data", data);
        Assert.True(code == 0, err);
        var summary = System.Text.RegularExpressions.Regex.Match(output[^1], @"^rules pack sigma_core\+ \d{4}-\d{2}-\d{2}: (\d+) loaded, (\d+) unsupported, 0 invalid$");
        Assert.True(summary.Success, output[^1]);
        var loaded = int.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(loaded > 100, output[^1]);
        var layout = new RulePackLayout(data);
        var installed = new RulePackStore(layout).Current()!;
        Assert.False(File.Exists(Path.Combine(installed.RulesFolder, "windows", "builtin", "security", SigmaArchives.LogClearedFile)));

        (code, output, err) = await Run("rules", "update", "--from", second, "--data", data);
        Assert.True(code == 0, err);
        Assert.Equal($"rules pack sigma_r2026-11-30 2026-11-30: {loaded + 1} loaded, {summary.Groups[2].Value} unsupported, 0 invalid", output[^1]);
        var store = new RulePackStore(layout);
        Assert.Equal("sigma_r2026-11-30", store.Current()!.Manifest.Name);
        Assert.Equal(installed.Id, store.Previous()!.Id);

        (code, output, err) = await Run("rules", "rollback", "--data", data);
        Assert.True(code == 0, err);
        Assert.StartsWith($"rules pack sigma_core+ ", output[^1], StringComparison.Ordinal);
        Assert.Equal(installed.Id, store.Current()!.Id);
        Assert.Equal("sigma_r2026-11-30", store.Previous()!.Manifest.Name);
    }

    [Fact]
    public async Task A_checkout_folder_gives_its_rules_folders_only()
    {
        using var temp = new TempFolder();
        var checkout = Path.Combine(temp.Path, "sigma");
        var rules = Path.Combine(checkout, "rules", "windows");
        Directory.CreateDirectory(rules);
        File.Copy(Path.Combine(SigmaArchives.SecurityRules, SigmaArchives.LogClearedFile), Path.Combine(rules, SigmaArchives.LogClearedFile));
        // SigmaHQ's regression data sits beside the rules with YAML files that are not rules; deprecated/ is outside rules*/.
        var regression = Path.Combine(checkout, "regression_data", "rules", "windows", "x");
        Directory.CreateDirectory(regression);
        File.WriteAllText(Path.Combine(regression, "info.yml"), "id: 1\nrule_metadata: []\n");
        Directory.CreateDirectory(Path.Combine(checkout, "deprecated"));
        File.WriteAllText(Path.Combine(checkout, "deprecated", "old.yml"), "title: broken\n");
        File.WriteAllText(Path.Combine(checkout, "rules", "README.md"), "# rules\n");

        var (code, output, err) = await Run("rules", "update", "--from", checkout, "--data", Path.Combine(temp.Path, "data"));
        Assert.True(code == 0, err);
        Assert.Contains("3 files that are not rules skipped", output);
        Assert.Equal("rules pack sigma 2022-02-24: 1 loaded, 0 unsupported, 0 invalid", output[^1]);
    }

    public static TheoryData<string, string, string> BadPacks => new()
    {
        { "not-a-zip.zip", "", "not a zip archive" },
        { "slip.zip", "../../evil.yml", "points outside the pack folder" },
        { "rooted.zip", "/etc/evil.yml", "points outside the pack folder" },
        { "empty.zip", "README.md", "holds no Sigma rule file" },
        { "broken.zip", "rules/windows/broken.yml", "none of its 1 rule files loads" },
    };

    [Theory]
    [MemberData(nameof(BadPacks))]
    public async Task A_bad_pack_is_refused_with_exit_2_and_nothing_changed(string name, string entry, string reason)
    {
        using var temp = new TempFolder();
        var data = Path.Combine(temp.Path, "data");
        var good = SigmaArchives.Security(temp.Path, "sigma_core.zip");
        Assert.Equal(0, (await Run("rules", "update", "--from", good, "--data", data)).Code);
        var before = SigmaArchives.Snapshot(Path.Combine(data, RulePackLayout.FolderName));
        var bad = Path.Combine(temp.Path, name);
        if (entry.Length == 0)
            File.WriteAllText(bad, "PK this is not an archive");
        else
            SigmaArchives.Of(temp.Path, name, (entry, "title: [unclosed\n"));

        var (code, _, err) = await Run("rules", "update", "--from", bad, "--data", data);

        Assert.Equal(2, code);
        Assert.Contains(bad, err, StringComparison.Ordinal);
        Assert.Contains(reason, err, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed.", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        Assert.Equal(before, SigmaArchives.Snapshot(Path.Combine(data, RulePackLayout.FolderName)));
        Assert.False(File.Exists(Path.Combine(temp.Path, "evil.yml")));
    }

    [Fact]
    public async Task An_entry_larger_than_a_rule_may_be_is_refused()
    {
        using var temp = new TempFolder();
        var huge = SigmaArchives.Of(temp.Path, "huge.zip", ("rules/windows/huge.yml", new string('a', (int)RulePackSource.MaxFileBytes + 1)));
        var (code, _, err) = await Run("rules", "update", "--from", huge, "--data", Path.Combine(temp.Path, "data"));
        Assert.Equal(2, code);
        Assert.Contains("larger than a rule may be", err, StringComparison.Ordinal);
        Assert.Null(new RulePackStore(new RulePackLayout(Path.Combine(temp.Path, "data"))).Current());
    }

    [Fact]
    public async Task A_rollback_without_a_previous_pack_is_refused()
    {
        using var temp = new TempFolder();
        var (code, _, err) = await Run("rules", "rollback", "--data", temp.Path);
        Assert.Equal(2, code);
        Assert.Contains("no previous rule pack", err, StringComparison.Ordinal);
    }
}
