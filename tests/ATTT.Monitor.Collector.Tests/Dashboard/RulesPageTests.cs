using System.Net;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Suppression;
using ATTT.Monitor.Collector.Tests.Dashboard.Support;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Tests.Dashboard;

/// <summary>The rules page over HTTP: who may disable a rule or add a filter where, what detection then drops, and encoding.</summary>
public sealed class RulesPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_filter_added_on_the_page_stops_detections_of_matching_events_and_counts_them()
    {
        await using var site = await RulesSite.StartAsync();
        using var officer = await site.SignInAsync("canbo.a");
        var added = await RulesSite.PostRuleAsync(officer, "AddFilter", new()
        {
            ["unit"] = "", ["field"] = "host", ["op"] = "equals", ["value"] = "pc-ketoan-01", ["reason"] = "Máy kế toán thử mật khẩu tự động",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var filter = Assert.Single(site.Collector.Services.GetRequiredService<SuppressionStore>().Current.Filters);
        Assert.Equal((RulesSite.UnitA, "canbo.a"), (filter.Unit, filter.CreatedBy));

        var (agentId, token, _) = await site.Collector.EnrollAsync(RulesSite.UnitA);
        await PostAsync(site, token, TestEvents.Batch(agentId, 1, 4, 1, computer: "PC-KETOAN-01"));
        await PostAsync(site, token, TestEvents.Batch(agentId, 2, 2, 5, computer: "PC-VANTHU-02"));
        await WaitForCheckpointAsync(site, 6);

        var incidents = await site.Collector.Services.GetRequiredService<IIncidentService>().QueryAsync(new IncidentQuery(), UnitScope.All, Ct);
        var incident = Assert.Single(incidents.Items);
        Assert.Equal("PC-VANTHU-02", incident.Host);
        Assert.Equal(4, site.Collector.Services.GetRequiredService<DetectionSuppressions>().FilterHits[filter.Id]);

        var page = await officer.GetStringAsync(RulesSite.RulePage);
        Assert.Contains("Máy kế toán thử mật khẩu tự động", page, StringComparison.Ordinal);
        Assert.Contains("<td>4</td>", page, StringComparison.Ordinal);

        // The incident links to its rule's page and offers the false-positive path, prefilled from its event.
        var detail = await officer.GetStringAsync($"/incidents/{incident.Id}");
        Assert.Contains($"/rules/rule?id={TestRules.FailedLogonId}&amp;incident={incident.Id}", detail, StringComparison.Ordinal);
        Assert.Contains("Mở sự cố", detail, StringComparison.Ordinal);
        var proposed = await officer.GetStringAsync($"{RulesSite.RulePage}&incident={incident.Id}");
        Assert.Contains("value=\"PC-VANTHU-02\"", proposed, StringComparison.Ordinal);
        Assert.Contains("value=\"TargetUserName\"", proposed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_rule_makes_no_detection_in_its_unit_only()
    {
        await using var site = await RulesSite.StartAsync();
        using var officer = await site.SignInAsync("canbo.a");
        Assert.Equal(HttpStatusCode.Redirect, (await RulesSite.PostRuleAsync(officer, "Disable", new() { ["unit"] = "", ["reason"] = "Đang cấu hình lại máy chủ" })).StatusCode);

        var (agentA, tokenA, _) = await site.Collector.EnrollAsync(RulesSite.UnitA);
        var (agentB, tokenB, _) = await site.Collector.EnrollAsync(RulesSite.UnitB, "PC-B");
        await PostAsync(site, tokenA, TestEvents.Batch(agentA, 1, 3, 1));
        await PostAsync(site, tokenB, TestEvents.Batch(agentB, 1, 2, 1, computer: "PC-B"));
        await WaitForCheckpointAsync(site, 5);

        var incidents = await site.Collector.Services.GetRequiredService<IIncidentService>().QueryAsync(new IncidentQuery(), UnitScope.All, Ct);
        Assert.Equal([RulesSite.UnitB], incidents.Items.Select(i => i.Unit));
        Assert.Equal(3, site.Collector.Services.GetRequiredService<DetectionSuppressions>().DisabledHits[TestRules.FailedLogonId]);

        Assert.Equal(HttpStatusCode.Redirect, (await RulesSite.PostRuleAsync(officer, "Enable", new() { ["unit"] = RulesSite.UnitA, ["reason"] = "Xong" })).StatusCode);
        var audit = await site.Collector.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Area = "rules" }, Ct);
        Assert.Equal(["rule_disabled", "rule_enabled"], audit.OrderBy(a => a.Id).Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("canbo.a", a.Actor));
    }

    [Fact]
    public async Task Viewers_cannot_change_and_commune_officers_change_only_their_own_unit()
    {
        await using var site = await RulesSite.StartAsync();
        using var viewer = await site.SignInAsync("xem");
        using var officerB = await site.SignInAsync("canbo.b");
        using var admin = await site.SignInAsync("quantri");

        var viewerPage = await viewer.GetStringAsync(RulesSite.RulePage);
        Assert.DoesNotContain("handler=Disable", viewerPage, StringComparison.Ordinal);
        RulesSite.AssertForbidden(await RulesSite.PostRuleAsync(viewer, "Disable", new() { ["unit"] = "", ["reason"] = "x" }));
        RulesSite.AssertForbidden(await RulesSite.PostRuleAsync(officerB, "Disable", new() { ["unit"] = RulesSite.UnitA, ["reason"] = "x" }));
        RulesSite.AssertForbidden(await RulesSite.PostRuleAsync(officerB, "Disable", new() { ["unit"] = "*", ["reason"] = "x" }));
        var noReason = await RulesSite.PostRuleAsync(officerB, "Disable", new() { ["unit"] = "", ["reason"] = "  " });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Phải ghi lý do.", await noReason.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(site.Collector.Services.GetRequiredService<SuppressionStore>().Current.Disablements);

        // The province administrator may act on any unit; commune B does not see commune A's settings.
        Assert.Equal(HttpStatusCode.Redirect, (await RulesSite.PostRuleAsync(admin, "Disable", new() { ["unit"] = RulesSite.UnitA, ["reason"] = "Lý do riêng của xã A" })).StatusCode);
        Assert.DoesNotContain("Lý do riêng của xã A", await officerB.GetStringAsync(RulesSite.RulePage), StringComparison.Ordinal);
        Assert.DoesNotContain("Lý do riêng của xã A", await officerB.GetStringAsync("/rules"), StringComparison.Ordinal);
        Assert.Contains("Lý do riêng của xã A", await viewer.GetStringAsync("/rules"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_the_same_filter_again_from_the_page_reuses_it_and_says_so()
    {
        await using var site = await RulesSite.StartAsync();
        using var officer = await site.SignInAsync("canbo.a");
        var first = await RulesSite.PostRuleAsync(officer, "AddFilter", new()
        {
            ["unit"] = "", ["field"] = "host", ["op"] = "equals", ["value"] = "pc-ketoan-01", ["reason"] = "Máy kế toán thử mật khẩu tự động",
        });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var again = await RulesSite.PostRuleAsync(officer, "AddFilter", new()
        {
            ["unit"] = RulesSite.UnitA, ["field"] = "HOST", ["op"] = "equals", ["value"] = "PC-KETOAN-01", ["reason"] = "Đánh dấu cảnh báo nhầm lần nữa",
        });

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("done=Rules.FilterReused", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var filter = Assert.Single(site.Collector.Services.GetRequiredService<SuppressionStore>().Current.Filters);
        Assert.Equal("Máy kế toán thử mật khẩu tự động", filter.Reason);
        var page = await officer.GetStringAsync(again.Headers.Location!.OriginalString);
        Assert.Contains("Bộ lọc giống hệt đã có sẵn nên được dùng lại", page, StringComparison.Ordinal);

        var different = await RulesSite.PostRuleAsync(officer, "AddFilter", new()
        {
            ["unit"] = "", ["field"] = "host", ["op"] = "startswith", ["value"] = "pc-ketoan-01", ["reason"] = "Mọi máy kế toán",
        });
        Assert.Contains("done=Rules.FilterAdded", different.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(2, site.Collector.Services.GetRequiredService<SuppressionStore>().Current.Filters.Count);
    }

    [Fact]
    public async Task A_filter_with_hostile_values_is_shown_encoded()
    {
        await using var site = await RulesSite.StartAsync();
        using var admin = await site.SignInAsync("quantri");
        const string value = "<script>alert(1)</script>";
        const string reason = "\"><img src=x onerror=alert(2)>";
        var added = await RulesSite.PostRuleAsync(admin, "AddFilter", new() { ["unit"] = "", ["field"] = "CommandLine", ["op"] = "contains", ["value"] = value, ["reason"] = reason });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(SuppressionUnits.All, Assert.Single(site.Collector.Services.GetRequiredService<SuppressionStore>().Current.Filters).Unit);

        foreach (var path in new[] { RulesSite.RulePage, "/rules" })
        {
            var html = await admin.GetStringAsync(path);
            Assert.DoesNotContain(value, html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
            Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;", html, StringComparison.Ordinal);
        }
    }

    private static async Task PostAsync(RulesSite site, string token, ATTT.Monitor.Events.Wire.EventBatch batch)
    {
        using var client = site.Collector.Client(token);
        using var response = await client.PostAsync("/api/v1/events", TestCollector.GzipBatch(batch), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task WaitForCheckpointAsync(RulesSite site, long checkpoint)
    {
        var stats = site.Collector.Services.GetRequiredService<DetectionStatistics>();
        await Eventually.UntilAsync(() => stats.Checkpoint >= checkpoint, $"detection to reach event {checkpoint} (it is at {stats.Checkpoint})");
    }
}
