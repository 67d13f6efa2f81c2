using ATTT.Monitor.Sigma;

namespace ATTT.Monitor.Collector.Packs;

/// <summary>
/// The load options of the two rule sets in service, in one place because the compiled-rule cache is
/// keyed by them: <c>attt rules update</c> warms the cache with <see cref="Pack"/> so that the
/// collector's next load of the new pack reads it instead of compiling.
/// </summary>
internal static class RuleSetOptions
{
    /// <summary>The product's own pack: every rule, less the noisy-rule list.</summary>
    public static SigmaLoadOptions Product(string? mappingPath, RuleTuning tuning, string? cacheDirectory) => new()
    {
        MappingPath = mappingPath,
        ExcludedRuleIds = tuning.NoisyIds,
        CacheDirectory = cacheDirectory,
    };

    /// <summary>An installed pack: the profile's statuses and levels, for the channels collected, less the noisy-rule list.</summary>
    public static SigmaLoadOptions Pack(string? mappingPath, RuleProfile profile, RuleTuning tuning, IReadOnlyCollection<string>? channels, string? cacheDirectory) => new()
    {
        MappingPath = mappingPath,
        Statuses = profile.Statuses,
        MinimumLevel = profile.MinimumLevel,
        ExcludedRuleIds = tuning.NoisyIds,
        Channels = channels,
        CacheDirectory = cacheDirectory,
    };
}
