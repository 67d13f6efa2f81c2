using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// The low and informational detections on one PC, kept as evidence: for the PC page, newest first,
/// a page at a time. A PC outside the caller's <see cref="UnitScope"/> has none.
/// </summary>
public sealed class DetectionEvidence(EmbeddedDatabase database)
{
    public async Task<IReadOnlyList<TimelineEntry>> ForHostAsync(string unit, string host, UnitScope scope, int limit, CancellationToken cancellationToken, bool isDrill = false, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.Allows(unit))
            return [];
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await TimelineRows.EvidenceAsync(connection, unit, host, isDrill, limit, offset, cancellationToken).ConfigureAwait(false);
    }
}
