using ATTT.Monitor.Collector.Incidents;
using YamlDotNet.RepresentationModel;
using static ATTT.Monitor.Collector.Tests.Support.Hits;
using static ATTT.Monitor.Collector.Tests.Support.StoryHits;

namespace ATTT.Monitor.Collector.Tests.Incidents;

/// <summary>The shipped guidance/ folder: Vietnamese text for every incident, categories read from ATT&amp;CK as rules write it.</summary>
public sealed class IncidentGuidanceTests
{
    private static readonly Lazy<IncidentGuidance> Shipped = new(() => GuidanceFiles.Load(Path.Combine(RepositoryPaths.Root, "guidance")));

    [Theory]
    [InlineData("attack.credential-access")]
    [InlineData("attack.credential_access")]
    [InlineData("attack.Credential_Access")]
    public void Tactics_are_read_in_every_spelling(string tag) =>
        Assert.Equal(["credential-access"], Shipped.Value.Attack.TacticsOf([tag]));

    [Theory]
    [InlineData("attack.defense-evasion", "stealth")]
    [InlineData("attack.defense_evasion", "stealth")]
    [InlineData("attack.stealth", "stealth")]
    [InlineData("attack.defense-impairment", "defense-impairment")]
    public void Replaced_ATTACK_v19_names_resolve_through_the_aliases(string tag, string key) =>
        Assert.Equal([key], Shipped.Value.Attack.TacticsOf([tag]));

    [Theory]
    [InlineData("attack.t1003.001,attack.credential-access", IncidentCategory.AccountCompromise)]
    [InlineData("attack.stealth,attack.t1562.001", IncidentCategory.ProtectionDisabled)]
    [InlineData("attack.defense-impairment,attack.t1685", IncidentCategory.ProtectionDisabled)]
    [InlineData("attack.impact,attack.t1486", IncidentCategory.Ransomware)]
    [InlineData("attack.discovery,attack.t1087.001", IncidentCategory.Intrusion)]
    [InlineData("attack.persistence,attack.t1547.001", IncidentCategory.Malware)]
    [InlineData("attack.g0016,attack.s0002", IncidentCategory.Other)]
    public void Techniques_decide_the_category_with_the_table(string tags, string expected)
    {
        var categorizer = new IncidentCategorizer(new IncidentsOptions(), Shipped.Value.Attack);
        Assert.Equal(expected, categorizer.Categorize(Brute(1, T0) with { RuleTitle = "Rule", Tags = tags.Split(',') }));
    }

    [Fact]
    public void Every_category_the_table_can_give_has_one_playbook()
    {
        var table = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "guidance", GuidanceFiles.AttackFile));
        var produced = new HashSet<string>(StringComparer.Ordinal) { IncidentCategory.Other };
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(table, @"^\s+category: (\S+)\s*$", System.Text.RegularExpressions.RegexOptions.Multiline))
            produced.Add(m.Groups[1].Value);
        var covered = new List<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Playbooks, "*.yml"))
        {
            var stream = new YamlStream();
            using (var reader = File.OpenText(file))
                stream.Load(reader);
            var answers = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["answers"];
            covered.AddRange(((YamlSequenceNode)answers["categories"]).Children.Select(c => ((YamlScalarNode)c).Value!));
        }

        Assert.True(produced.Count >= 8, string.Join(",", produced));
        Assert.All(produced, c => Assert.Single(covered, c));
    }

    [Fact]
    public void A_SigmaHQ_rule_with_an_entry_gets_its_Vietnamese_title_and_keeps_the_English_one()
    {
        var hit = Brute(1, T0) with { RuleId = "57b649ef-ff42-4fb0-8bf6-62da243a1708", RuleTitle = "Windows Defender Threat Detected" };
        var text = Shipped.Value.Explain(hit);
        Assert.Equal(IncidentExplanation.FromSigmaHq, text.Source);
        Assert.Equal("Microsoft Defender phát hiện mã độc", text.Title);
        Assert.Equal("Windows Defender Threat Detected", text.TitleEn);
        Assert.NotEmpty(text.WhatToDo);
    }

    [Fact]
    public void Any_other_rule_is_explained_from_its_most_specific_technique_with_the_English_title_beside()
    {
        var text = Shipped.Value.Explain(LsassDump(1, T0) with { RuleTitle = "Some LSASS Rule", Tags = ["attack.credential-access", "attack.t1003", "attack.t1003.001"] });
        Assert.Equal(IncidentExplanation.FromAttack, text.Source);
        Assert.StartsWith("Kết xuất bộ nhớ LSASS", text.Title, StringComparison.Ordinal);
        Assert.Equal("Some LSASS Rule", text.TitleEn);
        Assert.Contains("Đánh cắp thông tin đăng nhập", text.WhatHappened, StringComparison.Ordinal);
        Assert.NotNull(text.WhyItMatters);
        Assert.NotEmpty(text.WhatToDo);
    }

    [Fact]
    public void A_product_rule_keeps_its_own_text()
    {
        var text = Shipped.Value.Explain(ProductLsassDump(1, T0));
        Assert.Equal(IncidentExplanation.FromProductRule, text.Source);
        Assert.Equal("Kết xuất bộ nhớ tiến trình LSASS", text.Title);
        Assert.Equal("Một chương trình đã đọc bộ nhớ của LSASS.", text.WhatHappened);
        Assert.Equal("Kẻ tấn công lấy được mật khẩu.", text.WhyItMatters);
        Assert.Null(text.TitleEn);
    }

    [Fact]
    public void A_damaged_guidance_file_is_named_with_its_line_and_field()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, GuidanceFiles.AttackFile), "tactics:\n  execution:\n    name: Thực thi\n    category: intrusion\ntechniques: {}\n");
        File.WriteAllText(Path.Combine(folder.Path, GuidanceFiles.SigmaHqFile), "{}\n");
        var error = Assert.Throws<GuidanceFormatException>(() => GuidanceFiles.Load(folder.Path));
        Assert.Contains(GuidanceFiles.AttackFile + ":3: tactics.execution.explanation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_guidance_folder_is_found_beside_the_rules_folder()
    {
        Assert.Equal(Path.Combine(RepositoryPaths.Root, "guidance"),
            GuidancePathResolver.Resolve(null, [RepositoryPaths.Rules], "/", "/"));
    }
}
