namespace ATTT.Monitor.Sigma.Matching;

/// <summary>
/// The one case folding the prefilter uses: upper-case invariant, the same folding as
/// <see cref="StringComparison.OrdinalIgnoreCase"/>, so the prefilter never rejects what the
/// matchers would accept.
/// </summary>
internal static class CaseFold
{
    // U+017F (long s) is the one BMP letter whose invariant upper case ('S') OrdinalIgnoreCase
    // does not equate with it; folding it to itself keeps wildcard and plain matching consistent.
    public static char Fold(char c) =>
        c < 128 ? (c is >= 'a' and <= 'z' ? (char)(c - 32) : c) : c == '\u017F' ? c : char.ToUpperInvariant(c);

    public static string Fold(string s) => string.Create(s.Length, s, static (span, src) =>
    {
        for (var i = 0; i < src.Length; i++) span[i] = Fold(src[i]);
    });
}
