using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Agents;
using ATTT.Monitor.EndToEnd.Tests.Support;
using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Evtx;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;

/// <summary>
/// The triage desk's data, made as a commune's would be: the product's own rules loaded, agents
/// enrolled with a code over HTTP, real attack samples from ../shared/evtx posted by them through
/// the ingest API (gzip batches), and the detection pipeline left to open the incidents. Commune A's
/// agent sends the Credential Access samples and one hostile event; commune B's the Discovery samples.
/// </summary>
public sealed class DeskSiteFixture : BrowserSiteFixture
{
    /// <summary>A PC of commune A's samples: 33 Sysmon events in eight minutes, two of them detected (babyshark_mimikatz_powershell.evtx).</summary>
    public const string SampleHost = "IEWIN7";
    public const string HostileHost = "PC-<b id=\"xss-host\">X</b>";
    public const string HostilePayload = "<img id=\"xss-img\" src=x onerror=\"window.__xss = 1\"><script>window.__xss = 2</script>";

    /// <summary>PC names an attacker chose so that a spreadsheet would run them: each sends a "log cleared" event, which the product's rule turns into an incident.</summary>
    public static readonly string[] FormulaHosts = ["=HYPERLINK(\"http://203.0.113.5/x\",\"Nhấn vào đây\")", "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0"];

    private long _sequence;

    /// <summary>The events each commune's agent sent, as read from the samples.</summary>
    public IReadOnlyList<EventRecord> CommuneAEvents { get; private set; } = [];
    public IReadOnlyList<EventRecord> CommuneBEvents { get; private set; } = [];

    protected override Task<DashboardSite> StartSiteAsync() =>
        DashboardSite.StartAsync(
            "--Detection:RulePaths:1=" + RepositoryPaths.Rules,
            "--Detection:MappingPath=" + Path.Combine(RepositoryPaths.Rules, "logsource-mapping.yml"));

    protected override async Task SeedAsync(DashboardSite site)
    {
        CommuneAEvents = await SendFolderAsync(DashboardSite.CommuneA, "PC-KETOAN-01", "Credential Access", [Hostile(), .. FormulaHosts.Select(LogCleared)]);
        CommuneBEvents = await SendFolderAsync(DashboardSite.CommuneB, "PC-VUCHAN-01", "Discovery", []);
        await Eventually.UntilAsync(DetectionCaughtUpAsync, "the detection pipeline to read every event posted");
    }

    /// <summary>Enrolls an agent of <paramref name="unit"/> over HTTP and posts one batch per sample file of the folder, then <paramref name="extra"/>.</summary>
    private async Task<IReadOnlyList<EventRecord>> SendFolderAsync(string unit, string agentHost, string folder, IReadOnlyList<EventRecord> extra)
    {
        var code = await Site.App.Services.GetRequiredService<AgentRegistry>().CreateEnrollmentCodeAsync(unit, TimeSpan.FromHours(1), default);
        using var agent = await AgentHttpClient.EnrollAsync(Site.BaseAddress, code, agentHost);
        var sent = new List<EventRecord>();
        var files = Directory.EnumerateFiles(Path.Combine(SharedData.EvtxSamples, "attack-samples", folder), "*.evtx").Order(StringComparer.Ordinal);
        foreach (var batch in files.Select(ReadOrEmpty).Append(extra).Where(b => b.Count > 0))
        {
            var (status, ack) = await agent.PostAsync(new EventBatch(agent.AgentId, Interlocked.Increment(ref _sequence), Site.Clock.GetUtcNow(), 0, batch));
            Assert.True(ack is { Duplicate: false } && ack.Accepted == batch.Count, $"{folder}: batch answered {status}, accepted {ack?.Accepted} of {batch.Count}");
            sent.AddRange(batch);
        }

        return sent;
    }

    private static List<EventRecord> ReadOrEmpty(string file)
    {
        try
        {
            return EvtxFile.ReadEvents(file).ToList();
        }
        catch (EvtxFormatException)
        {
            return [];
        }
    }

    private async Task<bool> DetectionCaughtUpAsync()
    {
        var stats = await StoreStatistics.ReadAsync(Site.DataDirectory, default);
        return stats["events_last_id"] > 0 && stats["detection_checkpoint"] >= stats["events_last_id"];
    }

    /// <summary>An event whose every shown part is markup meant to run in the officer's browser.</summary>
    private EventRecord Hostile() => new()
    {
        Provider = "Microsoft-Windows-PowerShell\"><script>window.__xss = 3</script>",
        EventId = 4104,
        Channel = "Microsoft-Windows-PowerShell/Operational",
        Computer = HostileHost,
        TimeCreated = Site.Clock.GetUtcNow().AddMinutes(-5),
        RecordId = 4242,
        Fields = [new EventField("ScriptBlockText", HostilePayload), new EventField("<i id=\"xss-name\">n</i>", "' onmouseover='window.__xss = 4' data-x='")],
    };

    private EventRecord LogCleared(string computer, int i) => new()
    {
        Provider = "Microsoft-Windows-Eventlog",
        EventId = 1102,
        Channel = "Security",
        Computer = computer,
        TimeCreated = Site.Clock.GetUtcNow().AddMinutes(-20 + i),
        RecordId = 90_001 + i,
        PayloadKind = EventPayloadKind.UserData,
        UserDataName = "LogFileCleared",
        Fields = [new EventField("SubjectUserName", "ketoan"), new EventField("SubjectDomainName", "UBND-XA")],
    };
}
