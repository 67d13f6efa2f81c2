namespace ATTT.Monitor.Sigma;

/// <summary>How rules are loaded.</summary>
public sealed class SigmaLoadOptions
{
    /// <summary>Logsource mapping YAML replacing the shipped rules/logsource-mapping.yml; null uses the shipped one.</summary>
    public string? MappingPath { get; init; }

    /// <summary>Values for <c>expand</c> placeholders, by name without the percent signs.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Most groups a correlation rule tracks at once; the oldest are dropped beyond it.</summary>
    public int MaxCorrelationGroups { get; init; } = 10_000;
}
