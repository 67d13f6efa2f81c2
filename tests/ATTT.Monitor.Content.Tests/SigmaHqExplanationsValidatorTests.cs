using ATTT.Monitor.Content.Tests.Support;
using ATTT.Monitor.Content.Tests.Validation;

namespace ATTT.Monitor.Content.Tests;

/// <summary>The sigmahq.vi.yml checks catch what they claim to, naming file, line and field.</summary>
public sealed class SigmaHqExplanationsValidatorTests : IDisposable
{
    private const string Id = "57b649ef-ff42-4fb0-8bf6-62da243a1708";

    private const string Valid = $$"""
        {{Id}}:
          title_en: Windows Defender Threat Detected
          title: Microsoft Defender phát hiện mã độc
          what_happened: Microsoft Defender đã phát hiện một mối đe dọa.
          why_it_matters: Có mã độc đã tới máy.
          what_to_do:
            - Xem tên mối đe dọa.
        """;

    private const string Rule = $$"""
        title: Windows Defender Threat Detected
        id: {{Id}}
        tags:
            - attack.execution
        logsource:
            product: windows
            service: windefend
        detection:
            selection:
                EventID: 1116
            condition: selection
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_valid_entry_matching_its_rule_has_no_problems()
    {
        var (entries, problems) = Validate(Valid);
        Assert.Empty(problems);
        Assert.Empty(SigmaHqRuleCheck.Compare("sigmahq.vi.yml", entries, Rules(Rule)));
    }

    [Fact]
    public void A_title_that_differs_from_the_rule_is_reported()
    {
        var (entries, _) = Validate(Valid.Replace("title_en: Windows Defender Threat Detected", "title_en: Windows Defender Threat Found", StringComparison.Ordinal));
        var problem = Assert.Single(SigmaHqRuleCheck.Compare("sigmahq.vi.yml", entries, Rules(Rule)));
        Assert.Equal($"{Id}.title_en", problem.Field);
        Assert.Equal(1, problem.Line);
        Assert.Contains("is titled 'Windows Defender Threat Detected'", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_for_a_rule_that_does_not_exist_is_reported()
    {
        var (entries, _) = Validate(Valid);
        var problem = Assert.Single(SigmaHqRuleCheck.Compare("sigmahq.vi.yml", entries, Rules(Rule.Replace(Id, "00000000-0000-4000-8000-000000000000", StringComparison.Ordinal))));
        Assert.Contains("no SigmaHQ rule has this id", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_Vietnamese_field_is_named()
    {
        var problem = Assert.Single(Validate(Valid.Replace("  why_it_matters: Có mã độc đã tới máy.\n", "", StringComparison.Ordinal)).Problems);
        Assert.Equal($"{Id}.why_it_matters", problem.Field);
        Assert.Equal(1, problem.Line);
    }

    [Fact]
    public void An_English_title_in_place_of_the_Vietnamese_one_is_refused()
    {
        var problem = Assert.Single(Validate(Valid.Replace("title: Microsoft Defender phát hiện mã độc", "title: Windows Defender Threat Detected", StringComparison.Ordinal)).Problems);
        Assert.Equal($"{Id}.title", problem.Field);
        Assert.Equal(3, problem.Line);
    }

    [Fact]
    public void An_empty_list_of_steps_is_refused() =>
        Assert.Contains("at least one item", Assert.Single(Validate(Valid.Replace("  what_to_do:\n    - Xem tên mối đe dọa.", "  what_to_do: []", StringComparison.Ordinal)).Problems).Reason, StringComparison.Ordinal);

    [Fact]
    public void An_entry_not_keyed_by_a_rule_id_is_refused() =>
        Assert.Contains("lower-case UUID", Assert.Single(Validate(Valid.Replace(Id, "win_defender_threat", StringComparison.Ordinal)).Problems).Reason, StringComparison.Ordinal);

    private (IReadOnlyList<SigmaHqExplanation> Entries, List<ContentProblem> Problems) Validate(string yaml) =>
        SigmaHqExplanationsValidator.Validate(_folder.Write("sigmahq.vi.yml", yaml.ReplaceLineEndings("\n")));

    private SigmaRuleIndex Rules(string rule)
    {
        _folder.Write(Path.Combine("rules", "win_defender_threat.yml"), rule.ReplaceLineEndings("\n"));
        return SigmaRuleIndex.Load([Path.Combine(_folder.Path, "rules")]);
    }
}
