namespace ATTT.Monitor.Sigma.Matching;

internal sealed class AndNode(IReadOnlyList<MatchNode> children) : MatchNode
{
    public IReadOnlyList<MatchNode> Children => children;

    public override bool Matches(EvaluationContext context)
    {
        foreach (var c in children)
        {
            if (!c.Matches(context)) return false;
        }

        return true;
    }

    public override Requirement? Requirement
    {
        get
        {
            Requirement? best = null;
            foreach (var c in children) best = Requirement.Best(best, c.Requirement);
            return best;
        }
    }

    public override IReadOnlyList<Requirement> RequirementOptions => children.SelectMany(c => c.RequirementOptions).ToList();

    public override IReadOnlySet<int>? RequiredEventIds
    {
        get
        {
            HashSet<int>? ids = null;
            foreach (var c in children)
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
    public override bool Matches(EvaluationContext context)
    {
        foreach (var c in children)
        {
            if (c.Matches(context)) return true;
        }

        return false;
    }

    public override Requirement? Requirement
    {
        get
        {
            if (children.Count == 0) return null;
            var r = children[0].Requirement;
            for (var i = 1; i < children.Count && r is not null; i++) r = Requirement.Either(r, children[i].Requirement);
            return r;
        }
    }

    public override IReadOnlySet<int>? RequiredEventIds
    {
        get
        {
            var ids = new HashSet<int>();
            foreach (var c in children)
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
    public override bool Matches(EvaluationContext context) => !inner.Matches(context);
}

internal sealed class ConstantNode(bool value) : MatchNode
{
    public override bool Matches(EvaluationContext context) => value;
}
