using System.Net;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Incidents.Journal;
using ATTT.Monitor.Collector.Notifications.Outbox;
using ATTT.Monitor.Collector.Storage.Agents;
using ATTT.Monitor.Collector.Tests.Dashboard.Support;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Dashboard;

/// <summary>
/// Issue 18's check: an operator's notice template without its <c>Subject:</c> line is reported on the
/// overview, while events keep becoming incidents through the real pipeline and the notices still go
/// out (on the shipped template). Before the journal, rendering ran inside detection's transaction and
/// this template stopped detection for every unit.
/// </summary>
public sealed class BrokenTemplateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_template_without_its_Subject_line_is_shown_on_the_overview_while_detection_goes_on()
    {
        using var templates = new TempFolder();
        await File.WriteAllTextAsync(Path.Combine(templates.Path, "notice.txt"), "Sự cố {{title}}\n\nMáy {{host}}\n", Ct);
        using var rules = new TempFolder();
        await File.WriteAllTextAsync(Path.Combine(rules.Path, "failed.yml"), TestRules.FailedLogon(), Ct);
        await using var server = await DashboardServer.StartAsync(true,
            $"--Notifications:TemplatesFolder={templates.Path}",
            $"--Detection:RulePaths:0={rules.Path}",
            "--Notifications:Contacts:0:Id=congan",
            "--Notifications:Contacts:0:Name=Công an tỉnh",
            "--Notifications:Contacts:0:Email=anm@congan.example.vn",
            "--Notifications:Contacts:0:IsAuthority=true",
            "--Notifications:Routes:0:Name=nghiêm trọng",
            "--Notifications:Routes:0:MinSeverity=High",
            "--Notifications:Routes:0:To:0=congan");
        var (agentId, token) = await EnrollAsync(server);
        var incidents = server.App.Services.GetRequiredService<IIncidentService>();
        var outbox = server.App.Services.GetRequiredService<OutboxStore>();

        await PostAsync(server, token, TestEvents.Batch(agentId, 1, 3, 1));
        await Eventually.UntilAsync(async () => (await incidents.QueryAsync(new IncidentQuery(), UnitScope.All, Ct)).Total == 1, "the first incident");
        var notice = (await Eventually.ValueAsync(() => outbox.QueryAsync("kind = 'notice'", Ct), n => n.Count == 1, "the notice on the shipped template"))[0];
        Assert.StartsWith("[TBSC] Sự cố cao: ", notice.Subject, StringComparison.Ordinal);

        // Detection goes on for the next events.
        await PostAsync(server, token, TestEvents.Batch(agentId, 2, 3, 10));
        await Eventually.UntilAsync(async () => (await incidents.QueryAsync(new IncidentQuery(), UnitScope.All, Ct)).Items is [{ Count: 6 }], "the next detections");
        Assert.DoesNotContain(await server.App.Services.GetRequiredService<IncidentJournalReaders>().StatusAsync(Ct), r => r.IsFailing);

        using var admin = await server.SignInAsync("admin");
        var overview = await admin.GetStringAsync("/");
        Assert.Contains("class=\"bad template-problem\"", overview, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(templates.Path, "notice.txt"), overview, StringComparison.Ordinal);
        Assert.Contains("dòng 1 phải là", overview, StringComparison.Ordinal);
        Assert.Contains("Đang dùng mẫu gốc", overview, StringComparison.Ordinal);

        // Fixed on disk: the next check finds nothing wrong.
        await File.WriteAllTextAsync(Path.Combine(templates.Path, "notice.txt"), "Subject: Sự cố {{title}}\n\nMáy {{host}}\n", Ct);
        await Eventually.UntilAsync(async () => !(await admin.GetStringAsync("/")).Contains("template-problem", StringComparison.Ordinal), "the fixed template to be checked again");
    }

    private static async Task<(string AgentId, string Token)> EnrollAsync(DashboardServer server)
    {
        var code = await server.App.Services.GetRequiredService<AgentRegistry>().CreateEnrollmentCodeAsync(DashboardServer.CommuneA, TimeSpan.FromHours(1), Ct);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        using var response = await client.PostAsync("/api/v1/enroll", TestCollector.Json($$"""{"v":1,"code":"{{code}}","host":"PC-KETOAN-01","os":"Windows 10 Pro","agent_version":"0.1.0"}"""), Ct);
        response.EnsureSuccessStatusCode();
        using var doc = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return (doc.RootElement.GetProperty("agent_id").GetString()!, doc.RootElement.GetProperty("token").GetString()!);
    }

    private static async Task PostAsync(DashboardServer server, string token, ATTT.Monitor.Events.Wire.EventBatch batch)
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await client.PostAsync("/api/v1/events", TestCollector.GzipBatch(batch), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
