using System.Text;

namespace ATTT.Monitor.Sigma.Matching;

/// <summary>
/// Finds a literal that every match of a regular expression must contain, for the prefilter:
/// the longest run of plain characters at the top level of a pattern without top-level
/// alternation. Anything unclear (groups, classes, escapes with meaning) ends a run; a character
/// made optional by <c>?</c>, <c>*</c> or <c>{</c> is dropped. Null when no run of 3+ characters exists.
/// </summary>
internal static class RegexLiterals
{
    public static string? Required(string pattern)
    {
        if (pattern.Contains("(?x", StringComparison.Ordinal)) return null;
        var best = "";
        var run = new StringBuilder();
        var depth = 0;
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (inClass)
            {
                if (c == '\\') i++;
                else if (c == ']') inClass = false;
                continue;
            }

            switch (c)
            {
                case '\\':
                    if (i + 1 >= pattern.Length) return null;
                    var e = pattern[++i];
                    if (e is 'x' or 'u' or 'p' or 'P' or 'k' or 'c' or 'N' or 'g') return null;
                    if (depth == 0 && !char.IsLetterOrDigit(e)) Append(run, e, pattern, i, ref best);
                    else End(run, ref best);
                    break;
                case '[': inClass = true; End(run, ref best); break;
                case '(': depth++; End(run, ref best); break;
                case ')': depth--; End(run, ref best); break;
                case '|': if (depth == 0) return null; break;
                case '{':
                    // A quantifier's digits are not literal text.
                    End(run, ref best);
                    var close = pattern.IndexOf('}', i);
                    if (close < 0) return null;
                    i = close;
                    break;
                case '.' or '^' or '$' or '*' or '+' or '?' or '}': End(run, ref best); break;
                default:
                    if (depth == 0) Append(run, c, pattern, i, ref best);
                    break;
            }
        }

        End(run, ref best);
        return best.Length >= 3 ? CaseFold.Fold(best) : null;
    }

    private static void Append(StringBuilder run, char c, string pattern, int at, ref string best)
    {
        var next = at + 1 < pattern.Length ? pattern[at + 1] : '\0';
        if (next is '?' or '*' or '{')
        {
            End(run, ref best);
            return;
        }

        run.Append(c);
        if (next == '+') End(run, ref best);
    }

    private static void End(StringBuilder run, ref string best)
    {
        if (run.Length > best.Length) best = run.ToString();
        run.Clear();
    }
}
