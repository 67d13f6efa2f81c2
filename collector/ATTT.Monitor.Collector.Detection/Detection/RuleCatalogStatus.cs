using ATTT.Monitor.Collector.Packs;

namespace ATTT.Monitor.Collector.Detection;

/// <summary>A rule in service, for the dashboard's rule list.</summary>
public sealed record LoadedRule(string Id, string Title, string Level, string Path, bool IsCorrelation)
{
    /// <summary>The pack it comes from: <see cref="RuleCatalog.ProductPackName"/> or the installed pack's name.</summary>
    public string Pack { get; init; } = RuleCatalog.ProductPackName;

    /// <summary>Sigma status in lower case; a rule without one counts as experimental.</summary>
    public string Status { get; init; } = "experimental";

    public IReadOnlyList<string> Tags { get; init; } = [];
}

/// <summary>
/// What the rule catalog holds and how its last (re)load went: the rules in service, the rules
/// skipped or invalid with reasons, and, when the last reload was refused, why (the previous good
/// set stays in service). With an installed pack: the pack, the profile and channel filter it was
/// loaded with, and how many of its rules they left out.
/// </summary>
public sealed record RuleCatalogStatus(
    IReadOnlyList<string> Paths,
    DateTimeOffset? LoadedAt,
    long Version,
    IReadOnlyList<LoadedRule> Rules,
    int UnsupportedCount,
    int InvalidCount,
    IReadOnlyList<string> Diagnostics,
    DateTimeOffset? LastAttemptAt,
    string? LastAttemptError)
{
    public static RuleCatalogStatus Empty { get; } = new([], null, 0, [], 0, 0, [], null, null);

    /// <summary>The installed pack in service; null when only the product's pack is loaded.</summary>
    public InstalledPack? Pack { get; init; }

    public string Profile { get; init; } = RuleProfile.DefaultName;

    /// <summary>The channel filter applied to the installed pack; null: every channel.</summary>
    public IReadOnlyList<string>? Channels { get; init; }

    /// <summary>Valid rules of the installed pack that the profile, the channel filter or the noisy-rule list left out.</summary>
    public int PackExcludedCount { get; init; }

    public RuleTuning Tuning { get; init; } = RuleTuning.Empty;

    /// <summary>How long the last load took, and whether the compiled-rule cache served it (per set: product, pack).</summary>
    public TimeSpan LoadDuration { get; init; }

    public IReadOnlyList<string> CacheOutcomes { get; init; } = [];
}
