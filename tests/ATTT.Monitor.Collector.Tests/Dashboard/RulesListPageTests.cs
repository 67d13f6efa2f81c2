using System.Net;
using System.Text.RegularExpressions;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Packs;
using ATTT.Monitor.Collector.Tests.Dashboard.Support;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Dashboard;

/// <summary>The rules list: search, filters and paging over many rules, and the noisy-rule list and level tuning set by administrators only.</summary>
public sealed partial class RulesListPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>120 rules: levels cycle critical/high/medium/low, statuses stable/test/experimental, every third tagged for lateral movement.</summary>
    private static IEnumerable<(string, string)> ManyRules() => Enumerable.Range(0, 120).Select(i => ($"r{i:000}.yml", $$"""
        title: Luật số {{i:000}}
        id: 00000000-0000-4000-8000-{{i:000000000000}}
        status: {{new[] { "stable", "test", "experimental" }[i % 3]}}
        level: {{new[] { "critical", "high", "medium", "low" }[i % 4]}}
        tags:
            - {{(i % 3 == 0 ? "attack.lateral_movement" : "attack.execution")}}
            - attack.t1{{i:000}}
        logsource:
            product: windows
            service: security
        detection:
            selection:
                EventID: {{5000 + i}}
            condition: selection
        """));

    private static int Rows(string page) => RuleRow().Count(page);

    [Fact]
    public async Task Search_filters_and_paging_select_the_rules_shown()
    {
        await using var site = await RulesSite.StartAsync(ManyRules());
        using var viewer = await site.SignInAsync("xem");

        var first = await viewer.GetStringAsync("/rules");
        Assert.Equal(IndexModelPageSize, Rows(first));
        Assert.Contains("trang 1/3", first, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\"", first, StringComparison.Ordinal);
        var last = await viewer.GetStringAsync("/rules?p=3");
        Assert.Equal(121 - 2 * IndexModelPageSize, Rows(last));
        Assert.DoesNotContain("rel=\"next\"", last, StringComparison.Ordinal);

        // 30 critical rules; of those, status stable where i % 3 == 0 and i % 4 == 0: i = 0, 12, ..., 108.
        Assert.Equal(30, Rows(await viewer.GetStringAsync("/rules?level=critical")));
        Assert.Equal(10, Rows(await viewer.GetStringAsync("/rules?level=critical&status=stable")));
        Assert.Equal(40, Rows(await viewer.GetStringAsync("/rules?tactic=lateral-movement")));
        // The tactic filter names tactics as the guidance does, never by their raw keys; the value stays the key.
        Assert.Contains("<option value=\"lateral-movement\">Di chuyển ngang trong mạng (Lateral Movement)</option>", first, StringComparison.Ordinal);
        Assert.Equal(1, Rows(await viewer.GetStringAsync("/rules?q=" + Uri.EscapeDataString("số 042"))));
        Assert.Equal(1, Rows(await viewer.GetStringAsync("/rules?q=attack.t1007")));
        Assert.Equal(1, Rows(await viewer.GetStringAsync("/rules?q=" + TestRules.FailedLogonId)));
        Assert.Equal(121, Rows(await viewer.GetStringAsync("/rules?pack=rules&p=1")) + Rows(await viewer.GetStringAsync("/rules?pack=rules&p=2")) + Rows(await viewer.GetStringAsync("/rules?pack=rules&p=3")));
        Assert.Equal(0, Rows(await viewer.GetStringAsync("/rules?pack=sigma_core")));
        // Attacker-influenced text is encoded, not run.
        Assert.DoesNotContain("<script>", await viewer.GetStringAsync("/rules?q=%3Cscript%3E"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_administrator_tunes_rules_and_each_change_is_audited_and_survives_in_the_data_folder()
    {
        await using var site = await RulesSite.StartAsync();
        using var officer = await site.SignInAsync("canbo.a");
        var refused = await officer.PostFormAsync("/rules", "/rules?handler=AddNoisy", new() { ["ruleId"] = TestRules.FailedLogonId, ["reason"] = "ồn" });
        RulesSite.AssertForbidden(refused);
        var catalog = site.Collector.Services.GetRequiredService<RuleCatalog>();
        Assert.Contains(catalog.Status.Rules, r => r.Id == TestRules.FailedLogonId);

        using var admin = await site.SignInAsync("quantri");
        var added = await admin.PostFormAsync("/rules", "/rules?handler=AddNoisy", new() { ["ruleId"] = TestRules.FailedLogonId, ["reason"] = "Máy chủ kế toán thử mật khẩu" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.DoesNotContain(catalog.Status.Rules, r => r.Id == TestRules.FailedLogonId);
        var tuned = await admin.PostFormAsync("/rules", "/rules?handler=SetLevel", new() { ["ruleId"] = TestRules.FailedLogonId, ["unit"] = RulesSite.UnitA, ["level"] = "low" });
        Assert.Equal(HttpStatusCode.Redirect, tuned.StatusCode);

        var page = await admin.GetStringAsync("/rules");
        Assert.Contains("Máy chủ kế toán thử mật khẩu", page, StringComparison.Ordinal);
        Assert.Contains("id=\"level-tuning\"", page, StringComparison.Ordinal);
        var onDisk = RuleTuningStore.Read(new RulePackLayout(site.Collector.DataPath).TuningPath);
        Assert.Equal(TestRules.FailedLogonId, Assert.Single(onDisk.Noisy).RuleId);
        Assert.Equal(("low", RulesSite.UnitA, "quantri"), (Assert.Single(onDisk.Levels).Level, onDisk.Levels[0].Unit, onDisk.Levels[0].By));

        var audit = await site.Collector.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery(), Ct);
        Assert.Contains(audit, a => a.Area == RuleTuningStore.AuditArea && a.Action == "noisy_added" && a.Actor == "quantri");
        Assert.Contains(audit, a => a.Area == RuleTuningStore.AuditArea && a.Action == "level_set" && a.Actor == "quantri");
        // The officer was refused by the page's role check before reaching the store: nothing of theirs is recorded as a change.
        Assert.DoesNotContain(audit, a => a.Actor == "canbo.a");

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/rules", "/rules?handler=RemoveNoisy", new() { ["ruleId"] = TestRules.FailedLogonId })).StatusCode);
        Assert.Contains(catalog.Status.Rules, r => r.Id == TestRules.FailedLogonId);
    }

    private const int IndexModelPageSize = ATTT.Monitor.Collector.Dashboard.Pages.Rules.IndexModel.PageSize;

    [GeneratedRegex("<tr>\\s*<td><a href=\"/rules/rule\\?id=")]
    private static partial Regex RuleRow();
}
