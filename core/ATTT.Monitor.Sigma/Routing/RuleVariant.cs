using ATTT.Monitor.Sigma.Matching;

namespace ATTT.Monitor.Sigma.Routing;

/// <summary>A rule compiled for one event source (its field renames and source conditions applied).</summary>
internal sealed record RuleVariant(int RuleIndex, MatchNode Root, IReadOnlyList<string> Channels, IReadOnlySet<int>? EventIds);
