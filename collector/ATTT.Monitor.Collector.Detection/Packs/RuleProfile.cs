using ATTT.Monitor.Sigma;

namespace ATTT.Monitor.Collector.Packs;

/// <summary>
/// Which rules of an installed pack are loaded, named as Hayabusa names its sets: <c>core</c>
/// (stable and test, high and critical), <c>core+</c> (stable and test, medium and above: the
/// default), <c>core++</c> (experimental too, medium and above), <c>all</c> (every status and level).
/// The product's own pack is always loaded whole.
/// </summary>
public sealed record RuleProfile(string Name, IReadOnlySet<string>? Statuses, SigmaLevel? MinimumLevel)
{
    public const string DefaultName = "core+";
    public static IReadOnlyList<string> Names { get; } = ["core", "core+", "core++", "all"];

    public static RuleProfile Default => Parse(DefaultName);

    /// <exception cref="ArgumentException">The name is none of <see cref="Names"/>.</exception>
    public static RuleProfile Parse(string? name)
    {
        var stableTest = new HashSet<string>(["stable", "test"], StringComparer.Ordinal);
        return (name ?? DefaultName).Trim().ToLowerInvariant() switch
        {
            "core" => new("core", stableTest, SigmaLevel.High),
            "core+" => new("core+", stableTest, SigmaLevel.Medium),
            "core++" => new("core++", new HashSet<string>(["stable", "test", "experimental"], StringComparer.Ordinal), SigmaLevel.Medium),
            "all" => new("all", null, null),
            var other => throw new ArgumentException($"Detection:Profile '{other}' is not one of {string.Join(", ", Names)}.", nameof(name)),
        };
    }
}
