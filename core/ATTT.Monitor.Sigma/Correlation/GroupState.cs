namespace ATTT.Monitor.Sigma.Correlation;

/// <summary>What one correlation remembers about one group (bounded by the condition's threshold).</summary>
internal sealed class GroupState
{
    public DateTimeOffset LastSeen;
    public readonly Queue<DateTimeOffset> Times = new();
    public readonly Dictionary<string, DateTimeOffset> Values = new(StringComparer.Ordinal);
    public readonly Dictionary<SigmaRuleInfo, DateTimeOffset> RulesSeen = [];
    public DateTimeOffset?[] StageStart = [];

    public void Clear()
    {
        Times.Clear();
        Values.Clear();
        RulesSeen.Clear();
        Array.Clear(StageStart);
    }
}
