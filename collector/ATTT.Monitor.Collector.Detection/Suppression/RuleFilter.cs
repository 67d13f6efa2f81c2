namespace ATTT.Monitor.Collector.Suppression;

/// <summary>
/// A false-positive filter: a match of <see cref="RuleId"/> in <see cref="Unit"/> (or every unit) is
/// dropped when the event satisfies every condition.
/// </summary>
public sealed record RuleFilter(
    long Id,
    string RuleId,
    string Unit,
    IReadOnlyList<FilterCondition> Conditions,
    string Reason,
    string CreatedBy,
    DateTimeOffset CreatedAt)
{
    public bool Matches(string unit, Storage.StoredEvent storedEvent, SigmaFieldResolver? fields = null) =>
        SuppressionUnits.Covers(Unit, unit) && Conditions.All(c => c.Matches(storedEvent, fields));
}
