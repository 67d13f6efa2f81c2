using ATTT.Monitor.Sigma.Tests.Support;

namespace ATTT.Monitor.Sigma.Tests.Loading;

/// <summary>What a rule says about itself reaches <see cref="SigmaRuleInfo"/>, including attributes Sigma does not define.</summary>
public class RuleMetadataTests
{
    [Fact]
    public void The_products_guidance_map_is_exposed_as_plain_values()
    {
        var set = RuleText.Load("""
            title: Xóa nhật ký bảo mật
            id: 0a1b2c3d-0000-4000-8000-00000000c001
            status: Stable
            author: ATTT Monitor
            date: 2026-11-27
            modified: 2026-11-28
            description: Nhật ký bảo mật của máy đã bị xóa.
            guidance:
                why_it_matters: Kẻ tấn công thường xóa nhật ký để che dấu vết.
                what_to_do:
                    - Ghi lại tên máy và thời điểm.
                    - Báo cho Công an tỉnh.
            x_vendor: ~
            logsource: { product: windows, service: security }
            detection: { sel: { EventID: 1102 }, condition: sel }
            """);
        var info = Assert.Single(set.Rules);
        Assert.Equal("stable", info.Status);
        Assert.Equal("ATTT Monitor", info.Author);
        Assert.Equal("2026-11-27", info.Date);
        Assert.Equal("2026-11-28", info.Modified);
        Assert.Equal(["guidance", "x_vendor"], info.CustomAttributes.Keys.Order(StringComparer.Ordinal));
        var guidance = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(info.CustomAttributes["guidance"]);
        Assert.Equal("Kẻ tấn công thường xóa nhật ký để che dấu vết.", guidance["why_it_matters"]);
        var steps = Assert.IsAssignableFrom<IReadOnlyList<object?>>(guidance["what_to_do"]);
        Assert.Equal(["Ghi lại tên máy và thời điểm.", "Báo cho Công an tỉnh."], steps.Cast<string>());
        Assert.Null(info.CustomAttributes["x_vendor"]);
    }

    [Fact]
    public void A_rule_without_custom_attributes_has_none()
    {
        var set = RuleText.Load(RuleText.ProcessCreation("    selection:\n        Image: x\n    condition: selection"));
        Assert.Empty(Assert.Single(set.Rules).CustomAttributes);
    }

    [Fact]
    public void Related_rules_are_read_with_their_type()
    {
        var set = RuleText.Load("""
            title: Dump LSASS
            id: 0a1b2c3d-0000-4000-8000-00000000c002
            related:
                - id: 0a1b2c3d-0000-4000-8000-00000000c003
                  type: Derived
                - id: 0a1b2c3d-0000-4000-8000-00000000c004
                  type: obsolete
            logsource: { product: windows, service: security }
            detection: { sel: { EventID: 4656 }, condition: sel }
            """);
        Assert.Equal(
            [new SigmaRelatedRule("0a1b2c3d-0000-4000-8000-00000000c003", "derived"), new SigmaRelatedRule("0a1b2c3d-0000-4000-8000-00000000c004", "obsolete")],
            Assert.Single(set.Rules).Related);
        Assert.DoesNotContain("related", Assert.Single(set.Rules).CustomAttributes.Keys);
    }

    [Fact]
    public void A_related_entry_without_an_id_makes_the_rule_invalid_and_says_where()
    {
        var set = SigmaRuleSet.LoadText("""
            title: Dump LSASS
            id: 0a1b2c3d-0000-4000-8000-00000000c002
            related:
                - type: derived
            logsource: { product: windows, service: security }
            detection: { sel: { EventID: 4656 }, condition: sel }
            """);
        Assert.Empty(set.Rules);
        var diagnostic = Assert.Single(set.Diagnostics);
        Assert.Equal(SigmaDiagnosticKind.Invalid, diagnostic.Kind);
        Assert.Contains("'related' entry needs an 'id' (line 4)", diagnostic.Reason, StringComparison.Ordinal);
    }
}
