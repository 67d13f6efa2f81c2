using ATTT.Monitor.Collector.Drills;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Users;
using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Detection;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;

/// <summary>
/// The real collector (<see cref="CollectorTestHost"/>) on Kestrel at 127.0.0.1 over a fresh data folder, with
/// accounts of two communes and the province (and a drill coordinator of the first commune). Incidents are made the way the collector makes them:
/// events stored through the event store by an enrolled agent, then detections handed to the
/// incident manager as the detection pipeline does.
/// </summary>
public sealed class DashboardSite : IAsyncDisposable
{
    public const string Password = "Mat-khau-thu-nghiem-1";
    public const string CommuneA = "Xã Sảng Mộc";
    public const string CommuneB = "Xã Vũ Chấn";

    /// <summary>The one rule loaded (it matches no test event): incidents opened with it link to a real rule page.</summary>
    public const string TestRuleId = "7d3f4c8e-1b2a-4e5f-9c6d-0a1b2c3d4e5f";
    public const string TestRuleTitle = "Phần mềm lạ chạy lệnh hệ thống (kiểm thử) / Unknown software runs system commands (test)";

    private long _sequence;

    private readonly TempFolder _data;
    private readonly CollectorTestHost _host;

    private DashboardSite(TempFolder data, CollectorTestHost host, TestClock clock)
    {
        _data = data;
        _host = host;
        Clock = clock;
    }

    public WebApplication App => _host.App;

    /// <summary>The collector's clock: a fixed start running at real speed, so no page depends on the day the suite runs.</summary>
    public TestClock Clock { get; }
    public string DataDirectory => _host.DataDirectory;
    public Uri BaseAddress => _host.BaseAddress;

    /// <param name="settings">More configuration, as command-line settings (<c>--Section:Key=value</c>).</param>
    public static async Task<DashboardSite> StartAsync(params string[] settings)
    {
        var data = new TempFolder("attt-e2e-dash");
        var rules = Path.Combine(data.Path, "e2e-rules");
        data.Write(Path.Combine("e2e-rules", "test-rule.yml"), TestRule);
        var clock = new TestClock();
        var host = await CollectorTestHost.StartAsync(new CollectorTestHostOptions
        {
            DataDirectory = data.Path,
            Settings = ["--Drills:PlaybooksPath=" + RepositoryPaths.Playbooks, "--Drills:SchedulerEnabled=false", "--Detection:RulePaths:0=" + rules,
                "--Incidents:GuidancePath=" + Path.Combine(RepositoryPaths.Root, "guidance"), .. settings],
            Clock = clock,
            BeforeStart = SeedUsersAsync,
        });
        return new DashboardSite(data, host, clock);
    }

    private static async Task SeedUsersAsync(IServiceProvider services)
    {
        var users = services.GetRequiredService<UserStore>();
        await users.CreateAsync(Caller.System, "admin", "Quản trị tỉnh", UserRoles.Admin, null, Password, false, default);
        await users.CreateAsync(Caller.System, "canbo.a", "Nguyễn Văn An", UserRoles.Officer, CommuneA, Password, false, default);
        await users.CreateAsync(Caller.System, "canbo.b", "Trần Thị Bình", UserRoles.Officer, CommuneB, Password, false, default);
        await users.CreateAsync(Caller.System, "xem", "Công an tỉnh", UserRoles.Viewer, null, Password, false, default);
        await users.CreateAsync(Caller.System, "dieuphoi", "Lê Điều Phối", UserRoles.Coordinator, CommuneA, Password, false, default);
    }

    /// <summary>
    /// Stores <paramref name="events"/> from an agent of <paramref name="unit"/> and records detections on them: by
    /// default as a product rule (its own title is the incident's), otherwise as another pack's rule explained from guidance/.
    /// </summary>
    public async Task<long> AddIncidentAsync(string unit, string host, string ruleTitle, string level, IReadOnlyList<EventRecord> events, string? description = null, string? ruleId = null, IReadOnlyList<string>? tags = null, bool productRule = true)
    {
        var registry = App.Services.GetRequiredService<IAgentRegistry>();
        var store = App.Services.GetRequiredService<IEventStore>();
        var (agent, _) = await registry.EnrollInternalAsync(unit, host, isDrill: false, default);
        var before = await store.CountAsync(default);
        var batch = new EventBatch(agent.AgentId, Interlocked.Increment(ref _sequence), Clock.GetUtcNow(), 0, events);
        await store.AppendBatchAsync(agent, batch, Clock.GetUtcNow(), default);
        var stored = (await store.SearchAsync(new EventQuery { Units = [unit], Host = host, Limit = events.Count }, default)).Events;
        var hits = stored.Select(e => new DetectionHit(
            ruleId ?? "e2e-" + ruleTitle.GetHashCode(StringComparison.Ordinal).ToString("x", System.Globalization.CultureInfo.InvariantCulture),
            ruleTitle, level, tags ?? ["attack.credential_access", "attack.t1110"], description, unit, host, agent.AgentId, false, e.Id, e.Event.TimeCreated) { IsProductRule = productRule }).ToList();
        Assert.True(hits.Count > 0, $"no stored event found for {host} (store had {before})");
        var changes = await App.Services.GetRequiredService<IncidentManager>().RecordDetectionsAsync(hits, default);
        return changes[^1].IncidentId;
    }

    /// <summary>
    /// A finished drill of <paramref name="playbookId"/> in <paramref name="unit"/> with the links the
    /// runner measures up to the incident, recorded through the drills area's own stores.
    /// </summary>
    public async Task<long> AddFinishedDrillAsync(string playbookId, string unit)
    {
        var runs = App.Services.GetRequiredService<DrillRunStore>();
        var measurements = App.Services.GetRequiredService<DrillMeasurements>();
        var id = await runs.StartManualAsync(playbookId, unit, default);
        var start = Clock.GetUtcNow().AddMinutes(-20);
        await measurements.RecordOnceAsync(id, DrillLink.Injected, start, null, default);
        await measurements.RecordOnceAsync(id, DrillLink.Detected, start.AddSeconds(3), null, default);
        await measurements.RecordOnceAsync(id, DrillLink.IncidentOpened, start.AddSeconds(3), null, default);
        await runs.FinishAsync(id, DrillRunStatus.Completed, null, default);
        return id;
    }

    public static EventRecord FailedLogon(string computer, string targetUser, string ip, DateTimeOffset at, long recordId) => new()
    {
        Provider = "Microsoft-Windows-Security-Auditing",
        EventId = 4625,
        Channel = "Security",
        Computer = computer,
        TimeCreated = at,
        RecordId = recordId,
        Fields =
        [
            new EventField("TargetUserName", targetUser),
            new EventField("IpAddress", ip),
            new EventField("LogonType", "3"),
            new EventField("Status", "0xc000006d"),
        ],
    };

    private const string TestRule = $$"""
        title: {{TestRuleTitle}}
        id: {{TestRuleId}}
        status: test
        level: high
        logsource:
            product: windows
            service: security
        detection:
            selection:
                EventID: 65000
            condition: selection
        """;

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _data.Dispose();
    }
}
