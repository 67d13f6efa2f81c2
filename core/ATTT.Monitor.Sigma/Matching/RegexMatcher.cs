using System.Text.RegularExpressions;

namespace ATTT.Monitor.Sigma.Matching;

/// <summary>
/// The <c>re</c> modifier. Event text is attacker-controlled, so the non-backtracking engine is
/// used when the pattern allows it (linear time); otherwise a match timeout bounds the cost.
/// </summary>
internal sealed class RegexMatcher : StringMatcher
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);
    private readonly Regex _regex;

    public RegexMatcher(string pattern, RegexOptions options)
    {
        options |= RegexOptions.CultureInvariant;
        try
        {
            _regex = new Regex(pattern, options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            _regex = new Regex(pattern, options, Timeout);
        }
    }

    public override bool IsMatch(string value)
    {
        try
        {
            return _regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
