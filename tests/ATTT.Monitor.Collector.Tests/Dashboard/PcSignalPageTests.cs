using System.Text.RegularExpressions;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Posture;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Tests.Dashboard.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static ATTT.Monitor.Collector.Tests.Dashboard.Support.PcsSeed;

namespace ATTT.Monitor.Collector.Tests.Dashboard;

/// <summary>The PC page's evidence (low detections that opened no incident, paged) and its silence, on the real host.</summary>
public sealed partial class PcSignalPageTests
{
    private const string A = DashboardServer.CommuneA;

    /// <summary>The hosted silence check runs only at start; the test runs its own on the host's <see cref="SilentPcs"/>.</summary>
    private const string OnlyThisTestChecksSilence = "--Posture:SilenceCheckInterval=1.00:00:00";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PcPage_ListsItsEvidenceNewestFirstInPages_AndSaysItIsSilentInWorkingHours()
    {
        await using var server = await DashboardServer.StartAsync(true, OnlyThisTestChecksSilence);
        var pc = await AddPcAsync(server, A, "PC-VANTHU");
        var start = server.Clock.GetUtcNow();
        var hits = Enumerable.Range(1, 30).Select(i => Low(A, "PC-VANTHU", pc.AgentId, i, start.AddSeconds(i)))
            .Append(Low(A, "PC-KHAC", "a_khac", 99, start)).ToList();
        await server.App.Services.GetRequiredService<IncidentManager>().RecordDetectionsAsync(hits, Ct);

        using var officer = await server.SignInAsync("canbo.a");
        var first = await officer.GetStringAsync($"/pcs/{pc.AgentId}");
        Assert.Equal(Enumerable.Range(6, 25).Reverse().Select(i => (long)i), EvidenceIds(first));
        Assert.Contains($"href=\"/pcs/{pc.AgentId}?evidence=2\"", first, StringComparison.Ordinal);
        Assert.Contains("data-silence=\"none\"", first, StringComparison.Ordinal);
        var second = await officer.GetStringAsync($"/pcs/{pc.AgentId}?evidence=2");
        Assert.Equal([5L, 4, 3, 2, 1], EvidenceIds(second));
        Assert.Contains($"href=\"/pcs/{pc.AgentId}?evidence=1\"", second, StringComparison.Ordinal);
        Assert.DoesNotContain("?evidence=3", second, StringComparison.Ordinal);

        // 20 minutes without contact on a Wednesday morning in Vietnam: a posture problem at once.
        var lastSeen = (await server.App.Services.GetRequiredService<IAgentRegistry>().GetAsync(pc.AgentId, Ct))!.LastSeenAt!.Value;
        var monitor = new SilenceMonitor(server.App.Services.GetRequiredService<IAgentRegistry>(), server.App.Services.GetRequiredService<IncidentManager>(),
            server.App.Services.GetRequiredService<SilentPcs>(), Options.Create(new PostureOptions()), new ManualTimeProvider(lastSeen.AddMinutes(20)), NullLogger<SilenceMonitor>.Instance);
        Assert.Equal(1, await monitor.CheckOnceAsync(Ct));
        var silent = await officer.GetStringAsync($"/pcs/{pc.AgentId}");
        Assert.Contains("data-silence=\"working-hours\">Máy mất liên lạc trong giờ làm việc từ", silent, StringComparison.Ordinal);
    }

    private static DetectionHit Low(string unit, string host, string agentId, long eventId, DateTimeOffset at) => new(
        "22222222-0000-4000-8000-000000000001", "Local account enumeration", "low", ["attack.discovery", "attack.t1087.001"], null,
        unit, host, agentId, false, eventId, at);

    private static List<long> EvidenceIds(string html)
    {
        var start = html.IndexOf("id=\"pc-evidence\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the page has no evidence table");
        var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        return [.. EventIdCell().Matches(table).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
    }

    [GeneratedRegex("<td class=\"mono\">(\\d+)</td>")]
    private static partial Regex EventIdCell();
}
