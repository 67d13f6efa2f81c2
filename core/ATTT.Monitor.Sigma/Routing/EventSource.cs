namespace ATTT.Monitor.Sigma.Routing;

/// <summary>
/// One entry of the logsource mapping: the rules it serves (product/category/service) and the
/// events that belong to it (channels, EventIDs, provider, field equalities), with field renames.
/// </summary>
public sealed record EventSource(
    string? Product,
    string? Category,
    string? Service,
    IReadOnlyList<string> Channels,
    IReadOnlySet<int>? EventIds,
    string? Provider,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Where,
    IReadOnlyDictionary<string, string> FieldRenames)
{
    /// <summary>True when a rule with this logsource can be served by this source.</summary>
    public bool Serves(SigmaLogsource logsource)
    {
        if (logsource.Category is null && logsource.Service is null)
            return logsource.Product is not null && Eq(logsource.Product, Product) && Category is null && Service is null;
        if (logsource.Product is not null && !Eq(logsource.Product, Product)) return false;
        if (logsource.Category is not null && !Eq(logsource.Category, Category)) return false;
        if (logsource.Service is not null && !Eq(logsource.Service, Service)) return false;
        return true;
    }

    private static bool Eq(string a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
