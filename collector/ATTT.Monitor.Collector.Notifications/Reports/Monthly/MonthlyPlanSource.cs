using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Notifications.Templates;
using ATTT.Monitor.Collector.Plan;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Reports.Monthly;

/// <summary>Reads <see cref="MonthlyPlanSummary"/> for one unit from the plan indicators and the event store's batch losses.</summary>
internal static class MonthlyPlanSource
{
    public static async Task<MonthlyPlanSummary> ReadAsync(PlanIndicatorService plan, IEventStore events, string unit, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(events);
        var checks = await plan.CheckAsync(UnitScope.Of([unit]), cancellationToken).ConfigureAwait(false);
        var indicators = PlanIndicators.PerUnit(checks) is [var only, ..] ? only : null;
        var hosts = checks.ToDictionary(c => c.AgentId, c => c.Host, StringComparer.Ordinal);
        var losses = (await events.ListLossesAsync(from, to, null, 100_000, cancellationToken).ConfigureAwait(false))
            .Where(l => hosts.ContainsKey(l.AgentId)).ToList();
        var byHost = losses.GroupBy(l => hosts[l.AgentId], StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => $"{g.Key}: {g.Sum(l => l.Dropped)} bị bỏ, {g.Sum(l => l.ChannelRecords)} bản ghi nhật ký không đọc được ({string.Join(", ", g.SelectMany(l => l.Channels).Select(c => c.Channel).Distinct(StringComparer.Ordinal))})")
            .ToList();
        var expiring = indicators?.Expiring.Select(e => $"{e.Pc.Host}: {e.Certificate.Subject} ({e.Certificate.IssuerCa ?? e.Certificate.Issuer}), hết hạn {VietnameseLabels.Time(e.Certificate.NotAfter)}").ToList() ?? [];
        return new MonthlyPlanSummary(indicators?.Pcs ?? 0, indicators?.MeetingMinimum ?? 0, indicators?.Unreported ?? 0, indicators?.WithValidSignature ?? 0,
            expiring, losses.Sum(l => l.Dropped), losses.Sum(l => l.ChannelRecords), byHost);
    }
}
