using ATTT.Monitor.Sigma.Compilation;
using ATTT.Monitor.Sigma.Matching;
using ATTT.Monitor.Sigma.Routing;

namespace ATTT.Monitor.Sigma.Loading;

/// <summary>The conditions an event source adds to every rule it serves (provider, field equalities).</summary>
internal static class SourcePredicates
{
    public static List<MatchNode> For(EventSource source, FieldTable fields)
    {
        var nodes = new List<MatchNode>();
        if (source.Provider is { } provider)
            nodes.Add(Equal(fields, "Provider_Name", [provider]));
        foreach (var (field, values) in source.Where)
            nodes.Add(Equal(fields, field, values));
        return nodes;
    }

    private static FieldNode Equal(FieldTable fields, string field, IReadOnlyList<string> values) =>
        new(fields.Intern(field), field, values.Select(v => ValueCompiler.Build(v, TextMatchKind.Equals, cased: false)).ToList(), all: false, matchNull: false);
}
