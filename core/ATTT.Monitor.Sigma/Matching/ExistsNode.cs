namespace ATTT.Monitor.Sigma.Matching;

/// <summary>The <c>exists</c> modifier: presence only, whatever the value.</summary>
internal sealed class ExistsNode(int fieldId, bool shouldExist) : MatchNode
{
    public int FieldId => fieldId;
    public bool ShouldExist => shouldExist;

    public override bool Matches(EvaluationContext context) => context.TryGet(fieldId, out _) == shouldExist;
}
