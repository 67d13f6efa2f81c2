namespace ATTT.Monitor.Collector.Packs;

/// <summary>A rule never loaded, in any pack (the noisy-rule list), with who listed it, when and why.</summary>
public sealed record NoisyRule(string RuleId, string Reason, string By, DateTimeOffset At);

/// <summary>A rule's level replaced in one unit (or <see cref="UnitClaimsAll"/>: every unit).</summary>
public sealed record LevelTuning(string RuleId, string Unit, string Level, string By, DateTimeOffset At)
{
    public const string UnitClaimsAll = Access.UnitClaims.AllUnits;
}

/// <summary>
/// The operator's choices over the packs, stored in the data folder apart from them so that an
/// update or rollback keeps them: the noisy-rule list and the per-unit level tuning.
/// </summary>
public sealed record RuleTuning(IReadOnlyList<NoisyRule> Noisy, IReadOnlyList<LevelTuning> Levels)
{
    public static RuleTuning Empty { get; } = new([], []);

    public IReadOnlySet<string> NoisyIds => Noisy.Select(n => n.RuleId).ToHashSet(StringComparer.Ordinal);
}
