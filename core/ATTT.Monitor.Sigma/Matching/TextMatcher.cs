namespace ATTT.Monitor.Sigma.Matching;

/// <summary>Equality, prefix, suffix or substring without inner wildcards: the common case, kept fast.</summary>
internal sealed class TextMatcher(TextMatchKind kind, string text, bool cased) : StringMatcher
{
    private readonly StringComparison _comparison = cased ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    public TextMatchKind Kind => kind;
    public string Text => text;
    public bool Cased => cased;

    public override bool IsMatch(string value) => kind switch
    {
        TextMatchKind.Equals => string.Equals(value, text, _comparison),
        TextMatchKind.StartsWith => value.StartsWith(text, _comparison),
        TextMatchKind.EndsWith => value.EndsWith(text, _comparison),
        _ => value.Contains(text, _comparison),
    };

    public override IReadOnlyList<string>? RequiredLiterals => text.Length == 0 ? null : [CaseFold.Fold(text)];
}
