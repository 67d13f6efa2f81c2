namespace ATTT.Monitor.Sigma.Tests.Support;

/// <summary>
/// Sigma wildcards for the reference evaluator, written for obviousness rather than speed: the
/// value is turned into tokens following the specification's escaping section, then matched by
/// plain recursive backtracking (memoised so long values stay cheap).
/// </summary>
internal static class ReferenceWildcard
{
    public const int AnyRun = -1;
    public const int AnyOne = -2;

    /// <summary>
    /// Spec: <c>\*</c> and <c>\?</c> are plain wildcard characters, <c>\\</c> is one backslash, a
    /// backslash before anything else is itself; an unescaped <c>*</c> / <c>?</c> is a wildcard.
    /// </summary>
    public static List<int> Tokens(string sigmaText)
    {
        var tokens = new List<int>();
        for (var i = 0; i < sigmaText.Length; i++)
        {
            var c = sigmaText[i];
            if (c == '\\' && i + 1 < sigmaText.Length && sigmaText[i + 1] is '*' or '?' or '\\')
            {
                tokens.Add(sigmaText[i + 1]);
                i++;
            }
            else if (c == '*') tokens.Add(AnyRun);
            else if (c == '?') tokens.Add(AnyOne);
            else tokens.Add(c);
        }

        return tokens;
    }

    /// <summary>The plain text of a value without wildcards (escapes resolved); null if it has a wildcard.</summary>
    public static string? PlainText(string sigmaText)
    {
        var tokens = Tokens(sigmaText);
        return tokens.Any(t => t < 0) ? null : new string(tokens.Select(t => (char)t).ToArray());
    }

    public static bool Matches(IReadOnlyList<int> pattern, string text, bool cased)
    {
        var memo = new Dictionary<(int, int), bool>();
        return Match(0, 0);

        bool Match(int p, int t)
        {
            if (memo.TryGetValue((p, t), out var known)) return known;
            bool result;
            if (p == pattern.Count) result = t == text.Length;
            else if (pattern[p] == AnyRun) result = Match(p + 1, t) || (t < text.Length && Match(p, t + 1));
            else if (t == text.Length) result = false;
            else if (pattern[p] == AnyOne) result = Match(p + 1, t + 1);
            else result = SameChar((char)pattern[p], text[t], cased) && Match(p + 1, t + 1);
            memo[(p, t)] = result;
            return result;
        }
    }

    private static bool SameChar(char a, char b, bool cased) =>
        cased ? a == b : string.Equals(a.ToString(), b.ToString(), StringComparison.OrdinalIgnoreCase);
}
