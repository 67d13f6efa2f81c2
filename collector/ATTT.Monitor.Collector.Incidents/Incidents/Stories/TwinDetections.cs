using ATTT.Monitor.Collector.Detection;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// One event matched by twin rules counts once. The product's rules carry no <c>related:</c> ids
/// (and the engine does not expose them), so twins are found as the guidance names them: the same
/// stored event matched by a product rule and a rule of another pack that tag an overlapping
/// ATT&amp;CK technique (the same one, or one the other's sub-technique). The product rule stays: its
/// Vietnamese text is the one written for communes.
/// </summary>
internal static class TwinDetections
{
    /// <summary>The hits without the other packs' twins of a product rule's hit, in order.</summary>
    public static IReadOnlyList<DetectionHit> Remove(IReadOnlyList<DetectionHit> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        Dictionary<long, List<DetectionHit>>? productByEvent = null;
        foreach (var hit in hits)
        {
            if (hit.IsProductRule && hit.EventId is { } id)
            {
                productByEvent ??= [];
                if (!productByEvent.TryGetValue(id, out var list))
                    productByEvent[id] = list = [];
                list.Add(hit);
            }
        }

        if (productByEvent is null)
            return hits;
        var kept = new List<DetectionHit>(hits.Count);
        foreach (var hit in hits)
        {
            if (!hit.IsProductRule && hit.EventId is { } id && productByEvent.TryGetValue(id, out var products) && products.Any(p => Overlap(p, hit)))
                continue;
            kept.Add(hit);
        }

        return kept;
    }

    private static bool Overlap(DetectionHit product, DetectionHit other)
    {
        var mine = AttackTable.TechniquesOf(product.Tags);
        return AttackTable.TechniquesOf(other.Tags).Any(t => mine.Any(m => m == t || AttackTable.Parent(m) == t || AttackTable.Parent(t) == m));
    }
}
