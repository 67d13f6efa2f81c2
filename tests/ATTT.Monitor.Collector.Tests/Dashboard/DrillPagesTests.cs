using System.Net;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Drills;
using ATTT.Monitor.Collector.Tests.Dashboard.Support;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Tests.Dashboard;

/// <summary>A drill run's page: timeline, step sign-off by role, lessons, after-action report, unit scope.</summary>
public sealed class DrillPagesTests
{
    private const string Playbook = "ma-doc-may-tram";
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static Task<DashboardServer> StartAsync() =>
        DashboardServer.StartAsync(true, $"--Drills:PlaybooksPath={RepositoryPaths.Playbooks}", "--Drills:SchedulerEnabled=false");

    /// <summary>A finished drill of <paramref name="unit"/> with its inject and detection measured, as the runner records them.</summary>
    private static async Task<long> FinishedRunAsync(DashboardServer server, string unit)
    {
        var runs = server.App.Services.GetRequiredService<DrillRunStore>();
        var measurements = server.App.Services.GetRequiredService<DrillMeasurements>();
        var id = await runs.StartManualAsync(Playbook, unit, Ct);
        var start = server.Clock.GetUtcNow().AddMinutes(-10);
        await measurements.RecordOnceAsync(id, DrillLink.Injected, start, null, Ct);
        await measurements.RecordOnceAsync(id, DrillLink.Detected, start.AddSeconds(4), null, Ct);
        await measurements.RecordOnceAsync(id, DrillLink.IncidentOpened, start.AddSeconds(4), null, Ct);
        await runs.FinishAsync(id, DrillRunStatus.Completed, null, Ct);
        return id;
    }

    [Fact]
    public async Task Coordinator_SignsOffAStepWritesLessonsAndGetsTheAfterActionReport()
    {
        await using var server = await StartAsync();
        var run = await FinishedRunAsync(server, DashboardServer.CommuneA);
        using var coordinator = await server.SignInAsync("dieuphoi");
        var page = $"/drills/runs/{run}";

        var html = await coordinator.GetStringAsync(page);
        Assert.Contains("Phát hiện (luật cảnh báo kích hoạt)", html, StringComparison.Ordinal);
        Assert.Contains("Gửi sự kiện giả lập", html, StringComparison.Ordinal);
        Assert.Contains("0:04", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/drills/runs/{run}\"", await coordinator.GetStringAsync("/drills"), StringComparison.Ordinal);

        var signed = await coordinator.PostFormAsync(page, page + "?handler=SignOff", new() { ["step"] = "cach-ly-may", ["note"] = "<b>đã rút cáp</b>" });
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var lessons = await coordinator.PostFormAsync(page, page + "?handler=Lessons", new() { ["lessons"] = "Cần in sẵn số điện thoại Công an tỉnh.\n<script>alert(1)</script>" });
        Assert.Equal(HttpStatusCode.Redirect, lessons.StatusCode);

        html = await coordinator.GetStringAsync(page);
        Assert.Contains("dieuphoi", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;đã rút cáp&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);

        var report = await coordinator.GetAsync(page + "?handler=Report");
        var printed = await report.Content.ReadAsStringAsync(Ct);
        Assert.Contains("BÁO CÁO SAU DIỄN TẬP", printed, StringComparison.Ordinal);
        Assert.Contains("Cần in sẵn số điện thoại Công an tỉnh.", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", printed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script>", printed, StringComparison.Ordinal);
        Assert.Contains("href=\"/print-styles/drill\"", printed, StringComparison.Ordinal);
        var csv = await coordinator.GetAsync(page + "?handler=Csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var csvText = await csv.Content.ReadAsStringAsync(Ct);
        Assert.Contains(DrillReportCsv.Header, csvText, StringComparison.Ordinal);
        Assert.Contains("dieuphoi", csvText, StringComparison.Ordinal);

        var audit = await server.App.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Area = "drills", Target = $"drill_run:{run}" }, Ct);
        Assert.Contains(audit, a => a.Action == "step_signed_off" && a.Actor == "dieuphoi" && a.Details!.Contains("cach-ly-may", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == "lessons_written" && a.Actor == "dieuphoi");
    }

    [Fact]
    public async Task Viewer_AndOfficerOutsideTheStepsRole_CannotSignOffOrWriteLessons()
    {
        await using var server = await StartAsync();
        var run = await FinishedRunAsync(server, DashboardServer.CommuneA);
        var page = $"/drills/runs/{run}";
        using var viewer = await server.SignInAsync("xem");
        var html = await viewer.GetStringAsync(page);
        Assert.DoesNotContain("handler=SignOff", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Lessons", html, StringComparison.Ordinal);
        var forged = await viewer.PostFormAsync(page, page + "?handler=SignOff", new() { ["step"] = "cach-ly-may" });
        Assert.Contains("/forbidden", forged.Headers.Location!.ToString(), StringComparison.Ordinal);
        var lessons = await viewer.PostFormAsync(page, page + "?handler=Lessons", new() { ["lessons"] = "x" });
        Assert.Contains("/forbidden", lessons.Headers.Location!.ToString(), StringComparison.Ordinal);

        // canbo.a (Nguyễn Văn An) is not among the drill's participants: an officer signs off only the steps of the role they play.
        using var officer = await server.SignInAsync("canbo.a");
        Assert.DoesNotContain("handler=SignOff", await officer.GetStringAsync(page), StringComparison.Ordinal);
        var officerPost = await officer.PostFormAsync(page, page + "?handler=SignOff", new() { ["step"] = "cach-ly-may" });
        Assert.Contains("/forbidden", officerPost.Headers.Location!.ToString(), StringComparison.Ordinal);

        var report = await server.App.Services.GetRequiredService<IDrillService>().GetReportAsync(run, Ct);
        Assert.All(report!.Steps, s => Assert.False(s.Done));
        Assert.Null(report.Lessons);
    }

    [Fact]
    public async Task Participant_SignsOffOnlyTheStepsOfTheirPlaybookRole()
    {
        await using var server = await StartAsync();
        await server.Users.CreateAsync(Caller.System, "cntt.sangmoc", "Cán bộ phụ trách CNTT", UserRoles.Officer, DashboardServer.CommuneA, DashboardServer.Password, false, Ct);
        var run = await FinishedRunAsync(server, DashboardServer.CommuneA);
        var page = $"/drills/runs/{run}";
        using var it = await server.SignInAsync("cntt.sangmoc");
        Assert.Equal(HttpStatusCode.Redirect, (await it.PostFormAsync(page, page + "?handler=SignOff", new() { ["step"] = "cach-ly-may" })).StatusCode);
        var leaderStep = await it.PostFormAsync(page, page + "?handler=SignOff", new() { ["step"] = "bao-cao-lanh-dao" });
        Assert.Contains("/forbidden", leaderStep.Headers.Location!.ToString(), StringComparison.Ordinal);
        var steps = (await server.App.Services.GetRequiredService<IDrillService>().GetReportAsync(run, Ct))!.Steps;
        Assert.True(steps.Single(s => s.StepId == "cach-ly-may").Done);
        Assert.False(steps.Single(s => s.StepId == "bao-cao-lanh-dao").Done);
    }

    [Fact]
    public async Task AnotherCommunesUser_DoesNotSeeTheRun()
    {
        await using var server = await StartAsync();
        var run = await FinishedRunAsync(server, DashboardServer.CommuneA);
        using var other = await server.SignInAsync("canbo.b");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/drills/runs/{run}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/drills/runs/{run}?handler=Csv")).StatusCode);
        Assert.DoesNotContain($"/drills/runs/{run}\"", await other.GetStringAsync("/drills"), StringComparison.Ordinal);
        using var province = await server.SignInAsync("admin");
        var filtered = await province.GetStringAsync("/drills?unit=" + Uri.EscapeDataString(DashboardServer.CommuneB));
        Assert.DoesNotContain($"/drills/runs/{run}\"", filtered, StringComparison.Ordinal);
        Assert.Contains($"/drills/runs/{run}\"", await province.GetStringAsync("/drills"), StringComparison.Ordinal);
    }
}
