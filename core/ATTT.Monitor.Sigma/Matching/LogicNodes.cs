namespace ATTT.Monitor.Sigma.Matching;

// Children are arrays walked by index: a foreach over an IReadOnlyList allocates an enumerator
// per node per event, which made evaluation allocate (and collect) for every event.
internal sealed class AndNode(IReadOnlyList<MatchNode> children) : MatchNode
{
    private readonly MatchNode[] _children = [.. children];

    public IReadOnlyList<MatchNode> Children => _children;

    public override bool Matches(EvaluationContext context)
    {
        var children = _children;
        for (var i = 0; i < children.Length; i++)
        {
            if (!children[i].Matches(context)) return false;
        }

        return true;
    }

    public override Requirement? Requirement
    {
        get
        {
            Requirement? best = null;
            foreach (var c in _children) best = Requirement.Best(best, c.Requirement);
            return best;
        }
    }

    public override IReadOnlyList<Requirement> RequirementOptions => _children.SelectMany(c => c.RequirementOptions).ToList();

    public override IReadOnlySet<int>? RequiredEventIds
    {
        get
        {
            HashSet<int>? ids = null;
            foreach (var c in _children)
            {
                if (c.RequiredEventIds is not { } r) continue;
                if (ids is null) ids = [.. r];
                else ids.IntersectWith(r);
            }

            return ids;
        }
    }
}

internal sealed class OrNode(IReadOnlyList<MatchNode> children) : MatchNode
{
    private readonly MatchNode[] _children = [.. children];

    public IReadOnlyList<MatchNode> Children => _children;

    public override bool Matches(EvaluationContext context)
    {
        var children = _children;
        for (var i = 0; i < children.Length; i++)
        {
            if (children[i].Matches(context)) return true;
        }

        return false;
    }

    public override Requirement? Requirement
    {
        get
        {
            if (_children.Length == 0) return null;
            var r = _children[0].Requirement;
            for (var i = 1; i < _children.Length && r is not null; i++) r = Requirement.Either(r, _children[i].Requirement);
            return r;
        }
    }

    public override IReadOnlySet<int>? RequiredEventIds
    {
        get
        {
            var ids = new HashSet<int>();
            foreach (var c in _children)
            {
                if (c.RequiredEventIds is not { } r) return null;
                ids.UnionWith(r);
            }

            return ids;
        }
    }
}

internal sealed class NotNode(MatchNode inner) : MatchNode
{
    public MatchNode Inner => inner;

    public override bool Matches(EvaluationContext context) => !inner.Matches(context);
}

internal sealed class ConstantNode(bool value) : MatchNode
{
    public bool Value => value;

    public override bool Matches(EvaluationContext context) => value;
}
