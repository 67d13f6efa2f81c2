namespace ATTT.Monitor.Sigma;

/// <summary>What a loaded rule (detection or correlation) says about itself.</summary>
public sealed class SigmaRuleInfo
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }

    /// <summary>Lower case as the specification writes it (stable, test, experimental, deprecated, unsupported), or null.</summary>
    public string? Status { get; init; }

    public SigmaLevel Level { get; init; } = SigmaLevel.Medium;
    public string? Author { get; init; }

    /// <summary><c>date</c> and <c>modified</c> as written (the specification asks for YYYY-MM-DD).</summary>
    public string? Date { get; init; }

    public string? Modified { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> References { get; init; } = [];
    public IReadOnlyList<string> FalsePositives { get; init; } = [];

    /// <summary>The rule's <c>related:</c> entries: rules it derives from, replaces or resembles.</summary>
    public IReadOnlyList<SigmaRelatedRule> Related { get; init; } = [];
    public SigmaLogsource Logsource { get; init; } = new(null, null, null);

    /// <summary>
    /// Top-level attributes beyond the specification's own (the product's <c>guidance:</c> map), by
    /// name: a string or null for a scalar, an <see cref="IReadOnlyList{T}"/> of values for a list,
    /// an <see cref="IReadOnlyDictionary{TKey, TValue}"/> of string to value for a map.
    /// </summary>
    public IReadOnlyDictionary<string, object?> CustomAttributes { get; init; } = Parsing.RuleAttributes.None;

    /// <summary>The file the rule came from, and the 1-based document within it.</summary>
    public required string Path { get; init; }
    public int Document { get; init; } = 1;

    /// <summary>True for a correlation rule.</summary>
    public bool IsCorrelation { get; init; }

    /// <summary>
    /// False when the rule only feeds correlations (<c>generate: false</c>, the default): its own
    /// matches are not alerts.
    /// </summary>
    public bool GeneratesAlerts { get; internal set; } = true;

    /// <summary>Level as the lower-case Sigma word.</summary>
    public string LevelName => Level.ToString().ToLowerInvariant();
}
