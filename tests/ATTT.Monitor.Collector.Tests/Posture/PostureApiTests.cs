using System.Net;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Posture;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Tests.Posture;

/// <summary>Posture through the real collector: HTTP, agent token, state database, incidents.</summary>
public sealed class PostureApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Body(string agentId, bool realtime)
    {
        var on = realtime ? "true" : "false";
        return $$$"""
            {"v":1,"agent_id":"{{{agentId}}}","observed_at":"2026-11-27T03:00:00Z",
             "antivirus":[{"product":"Windows Defender","product_state":397568,"enabled":true,"realtime":{{{on}}},"definitions_up_to_date":true,"path":"windowsdefender://"}],
             "defender":{"service_running":true,"realtime_protection":{{{on}}},"antivirus_enabled":true,"signature_version":"1.421.123.0",
               "signature_updated_at":"2026-11-27T01:00:00Z","signature_age_days":0,"last_quick_scan_at":"2026-11-27T01:00:00Z","last_full_scan_at":null,"tamper_protection":true}}
            """;
    }

    private static async Task<HttpResponseMessage> PostAsync(TestCollector collector, string? token, string body)
    {
        using var client = collector.Client(token);
        return await client.PostAsync("/api/v1/posture", TestCollector.Json(body), Ct);
    }

    [Fact]
    public async Task Protection_off_opens_an_incident_for_the_tokens_pc_and_turning_it_on_resolves_it()
    {
        await using var collector = await TestCollector.StartAsync();
        var (agentId, token, _) = await collector.EnrollAsync(host: "PC-VANTHU-02");

        using (var off = await PostAsync(collector, token, Body(agentId, realtime: false)))
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        var service = collector.Services.GetRequiredService<IIncidentService>();
        var open = Assert.Single((await service.QueryAsync(new IncidentQuery(), UnitScope.All, Ct)).Items);
        Assert.Equal(IncidentCategory.ProtectionDisabled, open.Category);
        Assert.Equal("PC-VANTHU-02", open.Host);
        Assert.Equal(IncidentState.New, open.State);

        using (var on = await PostAsync(collector, token, Body(agentId, realtime: true)))
            Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        var resolved = Assert.Single((await service.QueryAsync(new IncidentQuery(), UnitScope.All, Ct)).Items);
        Assert.Equal(IncidentState.Resolved, resolved.State);
        Assert.NotNull(resolved.Duration);
        var state = Assert.Single(await collector.Services.GetRequiredService<PostureStore>().ListAsync(UnitScope.All, Ct));
        Assert.True(state.Realtime);
        Assert.Equal("Windows Defender", state.Product);
    }

    [Fact]
    public async Task Bad_bodies_name_the_field_and_unknown_tokens_get_401()
    {
        await using var collector = await TestCollector.StartAsync();
        var (agentId, token, _) = await collector.EnrollAsync();

        using (var anonymous = await PostAsync(collector, "not-a-token", Body(agentId, true)))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using (var other = await PostAsync(collector, token, Body("a_someone_else", true)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
            Assert.Contains("\"field\":\"agent_id\"", await other.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using (var bad = await PostAsync(collector, token, Body(agentId, true).Replace("\"enabled\":true", "\"enabled\":1", StringComparison.Ordinal)))
            Assert.Contains("antivirus[0].enabled", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using (var huge = await PostAsync(collector, token, Body(agentId, true).Replace("\"v\":1", "\"pad\":\"" + new string('x', 70_000) + "\",\"v\":1", StringComparison.Ordinal)))
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }

    /// <summary>The collector's own silence check waits a day after its first pass, so only the test's monitor (on the test's clock) decides.</summary>
    private const string OnlyThisTestChecksSilence = "--Posture:SilenceCheckInterval=1.00:00:00";

    [Fact]
    public async Task A_PC_silent_in_working_hours_is_a_posture_problem_at_once_a_low_incident_after_a_whole_missed_working_day_and_clears_when_it_returns()
    {
        await using var collector = await TestCollector.StartAsync(OnlyThisTestChecksSilence);
        var (agentId, token, _) = await collector.EnrollAsync(host: "PC-MOTCUA-03");
        var enrolledAt = (await collector.Registry.GetAsync(agentId, Ct))!.EnrolledAt;
        // Wednesday 10:20 in Vietnam: silent for 20 minutes in working hours.
        var clock = new ManualTimeProvider(enrolledAt.AddMinutes(20));
        var silentPcs = new SilentPcs();
        var monitor = new SilenceMonitor(collector.Registry, collector.Services.GetRequiredService<IncidentManager>(), silentPcs,
            Options.Create(new PostureOptions()), clock, NullLogger<SilenceMonitor>.Instance);
        var service = collector.Services.GetRequiredService<IIncidentService>();

        Assert.Equal(1, await monitor.CheckOnceAsync(Ct));
        var problem = Assert.Single(silentPcs.Current);
        Assert.Equal(("PC-MOTCUA-03", false), (problem.Host, problem.HasIncident));
        Assert.Empty((await service.QueryAsync(new IncidentQuery(), UnitScope.All, Ct)).Items);

        // Wednesday evening: not working time, so no posture problem, and still no incident.
        clock.Set(enrolledAt.AddHours(8));
        Assert.Equal(0, await monitor.CheckOnceAsync(Ct));
        Assert.Empty((await service.QueryAsync(new IncidentQuery(), UnitScope.All, Ct)).Items);

        // Thursday 17:01: the whole of Thursday's working day was missed.
        clock.Set(enrolledAt.AddDays(1).AddHours(7).AddMinutes(1));
        await monitor.CheckOnceAsync(Ct);
        await monitor.CheckOnceAsync(Ct);
        var silent = Assert.Single((await service.QueryAsync(new IncidentQuery(), UnitScope.All, Ct)).Items);
        Assert.Equal(IncidentCategory.AgentSilent, silent.Category);
        Assert.Equal(IncidentSeverity.Low, silent.Severity);
        Assert.Equal("PC-MOTCUA-03", silent.Host);
        Assert.Equal(enrolledAt, silent.FirstSeen);

        using (var client = collector.Client(token))
        {
            var heartbeat = $$$"""{"v":1,"agent_id":"{{{agentId}}}","sent_at":"2026-11-27T03:00:00Z","inventory":{"host":"PC-MOTCUA-03","os":"Windows 10","ips":[],"agent_version":"0.1.0"},"spool":{"depth_events":0,"depth_bytes":0,"dropped_total":0,"last_error":null}}""";
            using var response = await client.PostAsync("/api/v1/heartbeat", TestCollector.Json(heartbeat), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        clock.Set(collector.Clock.GetUtcNow().AddMinutes(1));
        Assert.Equal(0, await monitor.CheckOnceAsync(Ct));
        Assert.Empty(silentPcs.Current);
        var cleared = Assert.Single((await service.QueryAsync(new IncidentQuery(), UnitScope.All, Ct)).Items);
        Assert.Equal(IncidentState.Resolved, cleared.State);
        Assert.True(cleared.Duration > TimeSpan.Zero);
    }

    [Fact]
    public async Task A_PC_switched_off_for_the_weekend_is_normal_until_Monday_and_an_incident_only_after_Monday_is_missed()
    {
        await using var collector = await TestCollector.StartAsync(OnlyThisTestChecksSilence);
        var (agentId, token, _) = await collector.EnrollAsync(host: "PC-KETOAN-02");
        var friday = new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.FromHours(7));
        collector.Clock.Set(friday);
        using (var client = collector.Client(token))
        {
            var heartbeat = $$$"""{"v":1,"agent_id":"{{{agentId}}}","sent_at":"2026-11-27T09:00:00Z","inventory":{"host":"PC-KETOAN-02","os":"Windows 10","ips":[],"agent_version":"0.1.0"},"spool":{"depth_events":0,"depth_bytes":0,"dropped_total":0,"last_error":null}}""";
            using var response = await client.PostAsync("/api/v1/heartbeat", TestCollector.Json(heartbeat), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var clock = new ManualTimeProvider(friday);
        var silentPcs = new SilentPcs();
        var monitor = new SilenceMonitor(collector.Registry, collector.Services.GetRequiredService<IncidentManager>(), silentPcs,
            Options.Create(new PostureOptions()), clock, NullLogger<SilenceMonitor>.Instance);
        var service = collector.Services.GetRequiredService<IIncidentService>();

        foreach (var (at, silentNow) in new[] { (friday.AddHours(0.5), 1), (friday.AddHours(18), 0), (friday.AddDays(1), 0), (friday.AddDays(2), 0), (friday.AddDays(2).AddHours(14), 0), (friday.AddDays(3).AddHours(-6), 1) })
        {
            clock.Set(at);
            Assert.Equal(silentNow, await monitor.CheckOnceAsync(Ct));
            Assert.Empty((await service.QueryAsync(new IncidentQuery(), UnitScope.All, Ct)).Items);
        }

        clock.Set(friday.AddDays(3).AddHours(1).AddMinutes(1)); // Monday 17:01: Monday's working day was missed.
        await monitor.CheckOnceAsync(Ct);
        var silent = Assert.Single((await service.QueryAsync(new IncidentQuery(), UnitScope.All, Ct)).Items);
        Assert.Equal((IncidentCategory.AgentSilent, IncidentSeverity.Low), (silent.Category, silent.Severity));
    }
}
