namespace ATTT.Monitor.Sigma.Matching;

/// <summary>
/// A necessary condition for a rule to match, used by the prefilter: at least one of the
/// <see cref="Alternatives"/> (an upper-cased literal that must occur in a field) holds whenever
/// the rule matches. Rules without one are always evaluated.
/// </summary>
internal sealed record Requirement(IReadOnlyList<(int Field, string Literal)> Alternatives)
{
    private int MinLength => Alternatives.Min(a => a.Literal.Length);

    /// <summary>The more selective of two requirements that must both hold (AND).</summary>
    public static Requirement? Best(Requirement? a, Requirement? b)
    {
        if (a is null) return b;
        if (b is null) return a;
        var la = Math.Min(a.MinLength, 8);
        var lb = Math.Min(b.MinLength, 8);
        if (la != lb) return la > lb ? a : b;
        return a.Alternatives.Count <= b.Alternatives.Count ? a : b;
    }

    /// <summary>Either of two requirements (OR): both must be known.</summary>
    public static Requirement? Either(Requirement? a, Requirement? b) =>
        a is null || b is null ? null : new Requirement([.. a.Alternatives, .. b.Alternatives]);

    public static Requirement? Of(int field, IEnumerable<string>? literals)
    {
        if (literals is null) return null;
        var list = new List<(int, string)>();
        foreach (var l in literals)
        {
            if (l.Length == 0) return null;
            list.Add((field, l));
        }

        return list.Count == 0 ? null : new Requirement(list);
    }
}
