using ATTT.Monitor.Sigma.Matching;
using ATTT.Monitor.Sigma.Parsing;

namespace ATTT.Monitor.Sigma.Compilation;

/// <summary>
/// Compiles search identifiers and a condition into a match-node tree, resolving field names
/// through the renames of one event source.
/// </summary>
internal sealed class DetectionCompiler(ValueCompiler values, FieldTable fields)
{
    public MatchNode Compile(
        IReadOnlyDictionary<string, SearchDefinition> searches,
        ConditionExpr condition,
        IReadOnlyDictionary<string, string> renames)
    {
        (int, string) Resolve(string name)
        {
            var mapped = renames.TryGetValue(name, out var r) ? r : name;
            return (fields.Intern(mapped), mapped);
        }

        var compiled = new Dictionary<string, MatchNode>(StringComparer.Ordinal);
        foreach (var (name, search) in searches)
            compiled[name] = CompileSearch(search, Resolve);
        return CompileCondition(condition, compiled);
    }

    private MatchNode CompileSearch(SearchDefinition search, Func<string, (int, string)> resolve)
    {
        var alternatives = new List<MatchNode>();
        foreach (var alt in search.Alternatives)
        {
            var items = alt.Select(i => values.Compile(i, resolve)).ToList();
            alternatives.Add(items.Count == 1 ? items[0] : new AndNode(items));
        }

        return alternatives.Count == 1 ? alternatives[0] : new OrNode(alternatives);
    }

    private static MatchNode CompileCondition(ConditionExpr expr, Dictionary<string, MatchNode> searches) => expr switch
    {
        AndExpr a => Flatten<AndNode>(CompileCondition(a.Left, searches), CompileCondition(a.Right, searches)),
        OrExpr o => Flatten<OrNode>(CompileCondition(o.Left, searches), CompileCondition(o.Right, searches)),
        NotExpr n => new NotNode(CompileCondition(n.Inner, searches)),
        IdentifierExpr id => searches[id.Name],
        OfExpr of => CompileOf(of, searches),
        _ => throw new InvalidOperationException($"unknown condition node {expr.GetType().Name}"),
    };

    private static MatchNode CompileOf(OfExpr of, Dictionary<string, MatchNode> searches)
    {
        var matched = searches.Where(kv => ConditionParser.PatternMatches(of.Pattern, kv.Key)).Select(kv => kv.Value).ToList();
        if (matched.Count == 0) return new ConstantNode(false);
        if (matched.Count == 1) return matched[0];
        return of.All ? new AndNode(matched) : new OrNode(matched);
    }

    private static MatchNode Flatten<T>(MatchNode left, MatchNode right) where T : MatchNode
    {
        var children = new List<MatchNode>();
        foreach (var n in (MatchNode[])[left, right])
        {
            if (n is AndNode and && typeof(T) == typeof(AndNode)) children.AddRange(and.Children);
            else children.Add(n);
        }

        return typeof(T) == typeof(AndNode) ? new AndNode(children) : new OrNode(children);
    }
}
