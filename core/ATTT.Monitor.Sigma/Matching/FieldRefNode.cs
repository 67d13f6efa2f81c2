namespace ATTT.Monitor.Sigma.Matching;

/// <summary>The <c>fieldref</c> modifier: compares a field with another field of the same event.</summary>
internal sealed class FieldRefNode(int fieldId, IReadOnlyList<int> others, TextMatchKind kind, bool cased, bool all) : MatchNode
{
    // An array: foreach over an IReadOnlyList allocates an enumerator per call.
    private readonly int[] _otherFieldIds = [.. others];

    public int FieldId => fieldId;
    public IReadOnlyList<int> Others => _otherFieldIds;
    public TextMatchKind Kind => kind;
    public bool Cased => cased;
    public bool All => all;

    public override bool Matches(EvaluationContext context)
    {
        if (!context.TryGet(fieldId, out var value)) return false;
        value ??= "";
        var comparison = cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        foreach (var other in _otherFieldIds)
        {
            var hit = context.TryGet(other, out var reference) && Compare(value, reference ?? "", comparison);
            if (hit && !all) return true;
            if (!hit && all) return false;
        }

        return all;
    }

    private bool Compare(string value, string reference, StringComparison comparison) => kind switch
    {
        TextMatchKind.Equals => string.Equals(value, reference, comparison),
        TextMatchKind.StartsWith => value.StartsWith(reference, comparison),
        TextMatchKind.EndsWith => value.EndsWith(reference, comparison),
        _ => value.Contains(reference, comparison),
    };
}
