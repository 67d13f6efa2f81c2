namespace ATTT.Monitor.Sigma.Matching;

/// <summary>
/// Picks the regex engine for a Sigma pattern. Most patterns are short and anchored by literals:
/// the backtracking interpreter runs them fast and is small in memory. A pattern with several
/// unbounded quantifiers (<c>\+.*\+.*\+…</c>) can backtrack polynomially on a long value and
/// then only a timeout stops it, so the answer would depend on the machine's load: those run on
/// the non-backtracking engine. Not a pattern with a large counted repetition (<c>.{1000,}</c>):
/// the non-backtracking engine unrolls it into as many states, slow to build on first use, while
/// backtracking runs it in linear time.
/// </summary>
internal static class RegexEngineChoice
{
    private const int UnboundedQuantifiers = 3;
    private const int LargeCount = 100;

    public static bool PrefersNonBacktracking(string pattern)
    {
        var unbounded = 0;
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                i++;
                continue;
            }

            if (inClass)
            {
                if (c == ']') inClass = false;
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    break;
                case '*' or '+':
                    unbounded++;
                    break;
                case '{':
                    var close = pattern.IndexOf('}', i);
                    if (close < 0) break;
                    var bounds = pattern.AsSpan(i + 1, close - i - 1);
                    var comma = bounds.IndexOf(',');
                    var low = comma < 0 ? bounds : bounds[..comma];
                    var high = comma < 0 ? bounds : bounds[(comma + 1)..];
                    if (!int.TryParse(low, out var lowCount)) break;
                    if (lowCount >= LargeCount || (int.TryParse(high, out var highCount) && highCount >= LargeCount)) return false;
                    if (comma >= 0 && high.IsEmpty) unbounded++;
                    i = close;
                    break;
                default:
                    break;
            }
        }

        return unbounded >= UnboundedQuantifiers;
    }
}
