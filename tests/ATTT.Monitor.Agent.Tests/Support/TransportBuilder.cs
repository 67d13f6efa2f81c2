using ATTT.Monitor.Agent.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace ATTT.Monitor.Agent.Tests.Support;

/// <summary>Transport options with short delays so retry tests take milliseconds, not minutes.</summary>
internal static class TransportBuilder
{
    public static TransportOptions FastOptions(params string[] pins) => new()
    {
        PinnedSha256 = pins.ToList(),
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        RetryMaxDelay = TimeSpan.FromMilliseconds(50),
        MaxRetryAttempts = 3,
        AttemptTimeout = TimeSpan.FromSeconds(10),
        BreakDuration = TimeSpan.FromMilliseconds(500),
    };

    public static CollectorClient Client(Uri url, TransportOptions? options = null) =>
        new(url, options ?? FastOptions(), NullLogger.Instance);

    public static AgentCredentials Credentials => new("a_test1", LoopbackCollector.Token);

    public static byte[] EventsJson(int count)
    {
        var events = Enumerable.Range(1, count).Select(i =>
            $"{{\"provider\":\"Microsoft-Windows-Security-Auditing\",\"event_id\":4625,\"time\":\"2026-11-27T03:14:59.123456Z\",\"record_id\":{i},\"channel\":\"Security\",\"computer\":\"PC-KETOAN-01\",\"payload\":\"EventData\",\"data\":[[\"LogonType\",3]]}}");
        return System.Text.Encoding.UTF8.GetBytes("[" + string.Join(",", events) + "]");
    }
}
