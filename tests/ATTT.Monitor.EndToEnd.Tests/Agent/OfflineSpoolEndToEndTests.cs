using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ATTT.Monitor.Agent.Spool;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Deadlines;
using ATTT.Monitor.Collector.Notifications.Queries;
using ATTT.Monitor.Collector.Storage.Agents;
using ATTT.Monitor.Collector.Users;
using ATTT.Monitor.EndToEnd.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.EndToEnd.Tests.Agent;

/// <summary>
/// A PC whose collector is unreachable for three days: the real agent keeps an attack sample's
/// events in its disk spool, then drains them into a real collector (its clock moved three days on)
/// that mails a real SMTP server on loopback. The incident opens at the drain, is marked backfilled
/// and says so on its page; its clocks start at the drain, none is overdue, and the police get one
/// notice, once.
/// </summary>
public sealed partial class OfflineSpoolEndToEndTests
{
    private const string Police = "an-ninh-mang@congan.thainguyen.gov.vn";
    private const string Password = "Mat-khau-thu-nghiem-1";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string Sample = Path.Combine(SharedData.EvtxSamples, "attack-samples", "Defense Evasion", "DE_1102_security_log_cleared.evtx");

    private static string[] Settings(LoopbackSmtpServer smtp) =>
    [
        .. smtp.Settings().Select(s => $"--{s.Key}={s.Value}"),
        "--Detection:RulePaths:0=" + Path.Combine(SharedData.Path, "sigma", "rules", "windows", "builtin", "security", "win_security_audit_log_cleared.yml"),
        "--Notifications:Contacts:0:Id=congan",
        "--Notifications:Contacts:0:Name=Phòng An ninh mạng - Công an tỉnh",
        "--Notifications:Contacts:0:Email=" + Police,
        "--Notifications:Contacts:0:IsAuthority=true",
        "--Notifications:Routes:0:Name=nghiêm trọng",
        "--Notifications:Routes:0:MinSeverity=High",
        "--Notifications:Routes:0:To:0=congan",
        "--Notifications:Sender:ImmediateRetries=1",
        "--Notifications:Sender:ImmediateRetryDelay=00:00:00.010",
        "--Notifications:Sender:BaseBackoff=00:00:00.050",
        "--Notifications:Sender:MaxBackoff=00:00:00.200",
    ];

    [Fact]
    public async Task Three_days_of_spooled_attack_events_drain_into_one_backfilled_incident_noticed_once_and_never_overdue()
    {
        await using var smtp = new LoopbackSmtpServer();
        await smtp.StartAsync();
        var clock = new TestClock();
        await using var collector = await CollectorTestHost.StartAsync(new CollectorTestHostOptions
        {
            Settings = Settings(smtp),
            Clock = clock,
            BeforeStart = services => services.GetRequiredService<UserStore>().CreateAsync(Caller.System, "admin", "Quản trị tỉnh", UserRoles.Admin, null, Password, false, default),
        });
        using var state = new TempFolder("attt-offline-agent");
        var expected = AgentTestBed.CountEvents(Sample);
        var code = await collector.Services.GetRequiredService<AgentRegistry>().CreateEnrollmentCodeAsync("xa-sang-moc", TimeSpan.FromHours(1), Ct);
        var config = Path.Combine(state.Path, "agent.yaml");
        await File.WriteAllTextAsync(config, """
            transport:
              retries: 3
              retry_max_delay: 1s
              break_duration: 1s
              unavailable_pause: 1s
            """, Ct);

        // The relay enrolls the agent but holds every event batch: the collector is out of reach for them.
        await using var gate = BatchGate.Start(collector.BaseAddress.ToString().TrimEnd('/'), AgentTestBed.FreePort(), passBatches: 0);
        var agentState = Path.Combine(state.Path, "state");
        using var agent = System.Diagnostics.Process.Start(AtttExecutable.StartInfo(AtttExecutable.Agent,
            ["run", "--collector", gate.Url, "--state", agentState, "--enroll-code", code, "--source", "evtx:" + Sample, "--exit-when-drained", "--config", config]))!;
        _ = agent.StandardOutput.ReadToEndAsync(Ct);
        await Eventually.UntilAsync(() => Directory.Exists(Path.Combine(agentState, "spool"))
            && DiskSpool.ReadStatistics(Path.Combine(agentState, "spool"), 0).DepthEvents == expected, "the agent to spool the whole sample", Patience);
        var stats = collector.Services.GetRequiredService<DetectionStatistics>();
        Assert.Equal(0, stats.EventsEvaluated);

        // Three days later the collector is reachable again and the spool drains.
        clock.Advance(TimeSpan.FromDays(3));
        var drainedFrom = clock.GetUtcNow();
        gate.Release();
        var (exit, log) = await AgentTestBed.WaitAsync(agent, Patience);
        Assert.True(exit == 0, log);
        await Eventually.UntilAsync(() => stats.EventsEvaluated >= expected, "detection to evaluate every drained event", Patience);

        // The rule's incident (a PC silent for the three days may add a condition of its own, never a notice to the authorities).
        var service = collector.Services.GetRequiredService<IIncidentService>();
        var incidents = await Eventually.ValueAsync(async () => (await service.QueryAsync(new IncidentQuery(), UnitScope.All, Ct)).Items.Where(i => i.RuleId is not null).ToList(),
            found => found.Count > 0, $"the rule's incident ({stats.Detections} detections, error {stats.LastError})", Patience);
        var incident = Assert.Single(incidents);
        Assert.True(incident.CreatedAt >= drainedFrom, $"detected at {incident.CreatedAt:O}, before the drain at {drainedFrom:O}");
        Assert.True(incident.FirstSeen < drainedFrom.AddDays(-3), $"the sample's events occurred at {incident.FirstSeen:O}");
        Assert.True(incident.IsBackfill);

        var queries = collector.Services.GetRequiredService<INotificationQueries>();
        await Eventually.UntilAsync(async () => smtp.Received.Any(m => m.Envelope.Contains(Police))
            && (await queries.GetOutboxCountsAsync(Ct)).GetValueOrDefault("pending") == 0, "the police notice to be delivered", Patience);
        var police = smtp.Received.Where(m => m.Envelope.Contains(Police)).ToList();
        var notice = Assert.Single(police);
        Assert.Single(smtp.Received, m => m.Message.MessageId == notice.Message.MessageId);
        Assert.Contains("dữ liệu gửi bù", notice.Message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("quá hạn", notice.Message.TextBody, StringComparison.OrdinalIgnoreCase);
        var clocks = await collector.Services.GetRequiredService<IDeadlineClock>().GetAsync(incident.Id, Ct);
        Assert.NotEmpty(clocks);
        Assert.All(clocks, c => Assert.True(c.StartsAt >= drainedFrom && !c.IsOverdue, $"{c.Key} starts {c.StartsAt:O}, overdue {c.IsOverdue}"));

        var page = await SignedInPageAsync(collector.BaseAddress, $"/incidents/{incident.Id.ToString(CultureInfo.InvariantCulture)}");
        Assert.Contains("id=\"incident-backfill\"", page, StringComparison.Ordinal);
        Assert.Contains("Dữ liệu gửi bù", page, StringComparison.Ordinal);
    }

    private static async Task<string> SignedInPageAsync(Uri baseAddress, string path)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress };
        var form = await http.GetStringAsync("/signin", Ct);
        var token = TokenPattern().Match(form);
        Assert.True(token.Success, "no antiforgery token on /signin");
        using var fields = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin", ["Password"] = Password, ["__csrf"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        });
        (await http.PostAsync("/signin", fields, Ct)).EnsureSuccessStatusCode();
        return await http.GetStringAsync(path, Ct);
    }

    [GeneratedRegex("name=\"__csrf\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
