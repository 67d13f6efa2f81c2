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

    /// <summary>
    /// Profile: the rule statuses to load (lower case: stable, test, experimental, deprecated,
    /// unsupported; a rule without a status counts as "experimental"); null loads every status.
    /// </summary>
    public IReadOnlySet<string>? Statuses { get; init; }

    /// <summary>Profile: the lowest level loaded; null loads every level.</summary>
    public SigmaLevel? MinimumLevel { get; init; }

    /// <summary>Rule ids never loaded (a noisy-rule list).</summary>
    public IReadOnlySet<string>? ExcludedRuleIds { get; init; }

    /// <summary>
    /// The channel filter: only rules that can match an event of one of these channels are loaded
    /// (names as in the events, case-insensitive); null loads rules for every channel. Rules for
    /// any Windows channel (product windows without category or service) are always loaded.
    /// </summary>
    public IReadOnlyCollection<string>? Channels { get; init; }

    /// <summary>
    /// A folder for the compiled-rule cache (see <see cref="SigmaRuleSet.Load"/>); null compiles
    /// every time. The library never picks one itself.
    /// </summary>
    public string? CacheDirectory { get; init; }
}
