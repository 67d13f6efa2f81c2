namespace ATTT.Monitor.Sigma.Matching;

/// <summary>
/// A Sigma value with inner wildcards. The pattern uses <see cref="Wildcards.Star"/> and
/// <see cref="Wildcards.One"/> for <c>*</c> and <c>?</c>. Matching is the classic linear
/// backtracking-on-last-star algorithm, so it cannot blow up on hostile input.
/// </summary>
internal sealed class GlobMatcher : StringMatcher
{
    private readonly string _pattern;
    private readonly bool _cased;

    public GlobMatcher(string pattern, bool cased, bool folded = false)
    {
        _cased = cased;
        _pattern = cased || folded ? pattern : CaseFold.Fold(pattern);
    }

    /// <summary>The pattern as matched (folded unless cased).</summary>
    public string Pattern => _pattern;
    public bool Cased => _cased;

    public override bool IsMatch(string value)
    {
        int p = 0, v = 0, starP = -1, starV = 0;
        var pattern = _pattern;
        while (v < value.Length)
        {
            if (p < pattern.Length && pattern[p] == Wildcards.Star)
            {
                starP = p++;
                starV = v;
                continue;
            }

            if (p < pattern.Length && (pattern[p] == Wildcards.One || pattern[p] == (_cased ? value[v] : CaseFold.Fold(value[v]))))
            {
                p++;
                v++;
                continue;
            }

            if (starP < 0) return false;
            p = starP + 1;
            v = ++starV;
        }

        while (p < pattern.Length && pattern[p] == Wildcards.Star) p++;
        return p == pattern.Length;
    }

    public override IReadOnlyList<string>? RequiredLiterals
    {
        get
        {
            var best = "";
            foreach (var part in _pattern.Split([Wildcards.Star, Wildcards.One]))
            {
                if (part.Length > best.Length) best = part;
            }

            return best.Length == 0 ? null : [CaseFold.Fold(best)];
        }
    }
}
