using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Drills;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Drills;

/// <summary>The service the dashboard uses, on the real collector with the shipped playbooks.</summary>
public sealed class DrillServiceTests
{
    [Fact]
    public async Task A_real_incident_finds_its_playbook_by_rule_then_category_and_keeps_step_sign_offs()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var collector = await TestCollector.StartAsync($"--Drills:PlaybooksPath={RepositoryPaths.Playbooks}", "--Drills:SchedulerEnabled=false");
        var drills = collector.Services.GetRequiredService<IDrillService>();

        var byRule = drills.PlaybooksForIncident(IncidentCategory.Other, "C947B146-0ABC-4C87-9C64-B17E9D7274A2");
        var byCategory = drills.PlaybooksForIncident(IncidentCategory.DataBreach, null);
        // Every category has a playbook; only a category none answers and an unknown rule find none.
        var none = drills.PlaybooksForIncident("khong-co-loai", "khong-co");

        Assert.Equal(["ma-doc-tong-tien", "canh-bao-khac"], byRule.Select(p => p.Id));
        Assert.Equal("lo-lot-du-lieu-ca-nhan", Assert.Single(byCategory).Id);
        Assert.Empty(none);
        var step = byCategory[0].Steps[3];
        await drills.SignOffIncidentStepAsync(42, byCategory[0].Id, step.Id, "Trần Thị B", "Đã gửi Cục A05", cancel);
        var signed = await drills.IncidentSignOffsAsync(42, byCategory[0].Id, cancel);
        Assert.Equal("Trần Thị B", signed[step.Id].By);
        Assert.Empty(await drills.IncidentSignOffsAsync(43, byCategory[0].Id, cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => drills.SignOffIncidentStepAsync(42, byCategory[0].Id, "khong-co", "x", null, cancel));
    }

    [Fact]
    public async Task Run_now_is_picked_up_by_the_collector_and_injects_through_ingest()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var collector = await TestCollector.StartAsync($"--Drills:PlaybooksPath={RepositoryPaths.Playbooks}", "--Drills:SchedulerEnabled=false");
        var drills = collector.Services.GetRequiredService<IDrillService>();

        var runId = await drills.RunNowAsync(Caller.System, "ma-doc-may-tram", cancel);

        var run = await Eventually.ValueAsync(async () => (await drills.HistoryAsync(null, cancel)).Single(r => r.Id == runId),
            r => r.Status is not (DrillRunStatus.Requested or DrillRunStatus.Running), "the drill run to finish");

        Assert.Equal(DrillRunTrigger.Manual, run!.Trigger);
        Assert.Equal(DrillRunStatus.Completed, run.Status);
        Assert.Equal("default", run.Unit);
        var report = await drills.GetReportAsync(runId, cancel);
        Assert.NotNull(report!.FirstInjectAt);
    }
}
