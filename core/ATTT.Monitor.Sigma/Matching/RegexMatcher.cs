using System.Text.RegularExpressions;

namespace ATTT.Monitor.Sigma.Matching;

/// <summary>
/// The <c>re</c> modifier, compiled once at load. Event text is attacker-controlled, so a match
/// timeout bounds the cost of a pathological pattern (a timed-out match counts as no match).
/// </summary>
internal sealed class RegexMatcher : StringMatcher
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);
    private readonly Regex _regex;
    private readonly string? _literal;

    public RegexMatcher(string pattern, RegexOptions options)
    {
        options |= RegexOptions.CultureInvariant;
        _regex = new Regex(pattern, options | RegexOptions.Compiled, Timeout);
        _literal = RegexLiterals.Required(pattern);
    }

    public override IReadOnlyList<string>? RequiredLiterals => _literal is null ? null : [_literal];

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
