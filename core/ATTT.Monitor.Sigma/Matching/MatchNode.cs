namespace ATTT.Monitor.Sigma.Matching;

/// <summary>A node of a compiled rule: evaluated against the event in the context.</summary>
internal abstract class MatchNode
{
    public abstract bool Matches(EvaluationContext context);

    /// <summary>A necessary literal condition for the prefilter, or null.</summary>
    public virtual Requirement? Requirement => null;

    /// <summary>
    /// Every necessary condition this node knows (an AND offers one per child); the bucket picks the
    /// one whose literals are rarest among all rules.
    /// </summary>
    public virtual IReadOnlyList<Requirement> RequirementOptions => Requirement is { } r ? [r] : [];

    /// <summary>EventIDs this node requires (exact), or null when it allows any.</summary>
    public virtual IReadOnlySet<int>? RequiredEventIds => null;
}
