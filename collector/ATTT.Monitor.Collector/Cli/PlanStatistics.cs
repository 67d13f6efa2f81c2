using ATTT.Monitor.Collector.Plan;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Cli;

/// <summary>
/// Indicator 1 of the plan for <c>attt stats</c>, from the data folder (agents and their latest
/// posture reports), with the minimum configuration given by ATTT_MinimumConfiguration__* variables or its defaults.
/// </summary>
internal static class PlanStatistics
{
    public static async Task<IReadOnlyDictionary<string, long>> ReadAsync(string dataDirectory, MinimumConfigurationOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var agents = await StoreStatistics.RowsAsync(dataDirectory, "agents", "SELECT agent_id, unit, host FROM agents WHERE revoked = 0 AND is_drill = 0;", cancellationToken).ConfigureAwait(false);
        var reports = (await StoreStatistics.RowsAsync(dataDirectory, "posture_current", "SELECT agent_id, report FROM posture_current;", cancellationToken).ConfigureAwait(false))
            .ToDictionary(r => (string)r[0]!, r => r[1] as string, StringComparer.Ordinal);
        var checks = agents.Select(a => PlanIndicators.Check((string)a[0]!, (string)a[1]!, (string)a[2]!,
            PlanIndicatorService.Read(reports.GetValueOrDefault((string)a[0]!)), options, now)).ToList();
        return new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["pcs_meeting_minimum_configuration"] = checks.Count(c => c.MeetsMinimum == true),
            ["pcs_without_inventory"] = checks.Count(c => c.MeetsMinimum is null),
            ["pcs_with_valid_signature"] = checks.Count(c => c.HasValidSignature),
            ["signature_certificates_expiring"] = checks.Sum(c => c.Expiring.Count),
        };
    }
}
