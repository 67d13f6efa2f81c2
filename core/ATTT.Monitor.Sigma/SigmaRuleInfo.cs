namespace ATTT.Monitor.Sigma;

/// <summary>What a loaded rule (detection or correlation) says about itself.</summary>
public sealed class SigmaRuleInfo
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Status { get; init; }
    public SigmaLevel Level { get; init; } = SigmaLevel.Medium;
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> References { get; init; } = [];
    public IReadOnlyList<string> FalsePositives { get; init; } = [];
    public SigmaLogsource Logsource { get; init; } = new(null, null, null);

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
