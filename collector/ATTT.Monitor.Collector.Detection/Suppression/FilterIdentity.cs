namespace ATTT.Monitor.Collector.Suppression;

/// <summary>
/// When two false-positive filters are the same, so that marking the same false positive again
/// (in bulk or one by one) reuses a filter instead of stacking copies. Two filters of one rule are
/// the same when the existing one covers the unit asked for (the same unit, or every unit; the
/// store selects these) and their sets of conditions are equal (<see cref="SameConditions"/>). Conditions are compared as the matcher reads them: their order
/// and repeats do not count; values compare without case, as every operator does; a field name
/// compares exactly (the event lookup prefers the exact spelling, so <c>ProcessId</c> and
/// <c>ProcessID</c> can read different fields), except the collector's own <c>host</c> and
/// <c>agent</c>, which are read without case. Reasons and authors do not make a filter different.
/// </summary>
internal static class FilterIdentity
{
    public static bool SameConditions(IReadOnlyCollection<FilterCondition> a, IReadOnlyCollection<FilterCondition> b) =>
        Keys(a).SetEquals(Keys(b));

    private static HashSet<(string Field, string Operator, string Value)> Keys(IEnumerable<FilterCondition> conditions) =>
        [.. conditions.Select(c => (Field(c.Field), c.Operator, c.Value.ToUpperInvariant()))];

    private static string Field(string name) =>
        string.Equals(name, FilterCondition.HostField, StringComparison.OrdinalIgnoreCase) ? FilterCondition.HostField
        : string.Equals(name, FilterCondition.AgentField, StringComparison.OrdinalIgnoreCase) ? FilterCondition.AgentField
        : name;
}
