namespace ATTT.Monitor.Sigma.Matching;

/// <summary>
/// Private-use characters that stand for Sigma's unescaped <c>*</c> and <c>?</c> inside a parsed
/// value, so an escaped <c>\*</c> stays a plain asterisk.
/// </summary>
internal static class Wildcards
{
    public const char Star = '\uE000';
    public const char One = '\uE001';

    public static bool HasAny(string s) => s.AsSpan().IndexOfAny(Star, One) >= 0;

    /// <summary>Sigma escaping: <c>\*</c>, <c>\?</c> and <c>\\</c> are literal; any other backslash stays.</summary>
    public static string Parse(string raw)
    {
        if (raw.AsSpan().IndexOfAny('*', '?') < 0 && !raw.Contains('\\', StringComparison.Ordinal)) return raw;
        var sb = new System.Text.StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\\' && i + 1 < raw.Length && raw[i + 1] is '*' or '?' or '\\')
            {
                sb.Append(raw[++i]);
            }
            else if (c == '*') sb.Append(Star);
            else if (c == '?') sb.Append(One);
            else sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Back to Sigma text, for messages.</summary>
    public static string Show(string parsed) => parsed.Replace(Star, '*').Replace(One, '?');
}
