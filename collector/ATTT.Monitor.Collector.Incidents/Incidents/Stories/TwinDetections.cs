using ATTT.Monitor.Collector.Detection;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// One event matched by twin rules counts once. Twins are the rules that name each other in
/// <c>related:</c> (any type: derived, similar, obsolete…): the product's rules name the SigmaHQ
/// rules they are written after. Of a twin pair on one stored event the product rule stays, its
/// Vietnamese text being the one written for communes; of two rules of other packs, the one that
/// names the other (the newer) stays.
/// </summary>
internal static class TwinDetections
{
    /// <summary>The hits without the twins of another hit on the same event, in order.</summary>
    public static IReadOnlyList<DetectionHit> Remove(IReadOnlyList<DetectionHit> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        if (!hits.Any(h => h.Related.Count > 0))
            return hits;
        var byEvent = new Dictionary<long, List<DetectionHit>>();
        foreach (var hit in hits)
        {
            if (hit.EventId is { } id)
            {
                if (!byEvent.TryGetValue(id, out var list))
                    byEvent[id] = list = [];
                list.Add(hit);
            }
        }

        var kept = new List<DetectionHit>(hits.Count);
        foreach (var hit in hits)
        {
            if (hit.EventId is { } id && byEvent[id] is { Count: > 1 } same && same.Any(other => Supersedes(other, hit)))
                continue;
            kept.Add(hit);
        }

        return kept;
    }

    /// <summary>True when <paramref name="keeper"/> and <paramref name="other"/> are twins and <paramref name="keeper"/> is the one to keep.</summary>
    private static bool Supersedes(DetectionHit keeper, DetectionHit other)
    {
        if (ReferenceEquals(keeper, other) || string.Equals(keeper.RuleId, other.RuleId, StringComparison.OrdinalIgnoreCase))
            return false;
        if (!Names(keeper, other) && !Names(other, keeper))
            return false;
        if (keeper.IsProductRule != other.IsProductRule)
            return keeper.IsProductRule;
        // Two rules of one kind naming each other: keep the one that comes first in id order, so exactly one stays.
        return Names(keeper, other) && (!Names(other, keeper) || string.CompareOrdinal(keeper.RuleId, other.RuleId) < 0);
    }

    private static bool Names(DetectionHit hit, DetectionHit other) =>
        hit.Related.Any(id => string.Equals(id, other.RuleId, StringComparison.OrdinalIgnoreCase));
}
