using System.Net;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Tests.Support;
using ATTT.Monitor.Inputs;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Detection;

/// <summary>
/// A real attack sample (a Security log cleared) matched by the product's rule and by the SigmaHQ
/// rule it names in <c>related:</c>: both rules fire, the incident counts the event once, with the product's text.
/// </summary>
public sealed class TwinRulesTests
{
    private const string ProductRuleId = "5b0e3a10-7f4c-4f0e-9a51-0a1b2c3d4e05";
    private const string SigmaHqRuleId = "d99b79d2-0a6f-4f46-ad8b-260b6e17f982";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_event_matched_by_a_product_rule_and_its_SigmaHQ_twin_counts_once()
    {
        var shared = RepositoryPaths.RequiredShared;
        var sample = Path.Combine(shared, "evtx", "attack-samples", "Credential Access", "CA_chrome_firefox_opera_4663.evtx");
        var events = new EventFileReader().Read(sample).Select(r => r.Event).ToList();
        await using var collector = await TestCollector.StartAsync(
            $"--Detection:RulePaths:0={Path.Combine(RepositoryPaths.Rules, "windows", "logs", "attt_audit_log_cleared.yml")}",
            $"--Detection:RulePaths:1={Path.Combine(shared, "sigma", "rules", "windows", "builtin", "security", "win_security_audit_log_cleared.yml")}");
        var (agentId, token, _) = await collector.EnrollAsync(host: "IEWIN7");

        using (var client = collector.Client(token))
        {
            var batch = TestEvents.Batch(agentId, 1, 1) with { Events = events };
            using var response = await client.PostAsync("/api/v1/events", TestCollector.GzipBatch(batch), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var database = collector.Services.GetRequiredService<EmbeddedDatabase>();
        await Eventually.UntilAsync(async () => await DetectionCheckpoint.ReadAsync(database, Ct) >= events.Count, "detection to catch up with the sample");
        var hits = collector.Services.GetRequiredService<DetectionStatistics>().HitsByRule;
        Assert.Equal(1, hits.GetValueOrDefault(ProductRuleId));
        Assert.Equal(1, hits.GetValueOrDefault(SigmaHqRuleId));

        var service = collector.Services.GetRequiredService<IIncidentService>();
        var page = await Eventually.ValueAsync(() => service.QueryAsync(new IncidentQuery(), UnitScope.All, Ct), p => p.Total > 0, "the incident");
        var detail = await service.GetAsync(Assert.Single(page.Items).Id, UnitScope.All, Ct);
        var detection = Assert.Single(detail!.Detections);
        Assert.Equal(ProductRuleId, detection.RuleId);
        Assert.Equal("Nhật ký bảo mật bị xóa", detail.Incident.Title);
    }
}
