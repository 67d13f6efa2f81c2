using System.Text.RegularExpressions;

namespace ATTT.Monitor.Sigma.Matching;

/// <summary>
/// The <c>re</c> modifier, compiled once at load. Event text is attacker-controlled, so a match
/// timeout bounds the cost of a pathological pattern. The timeout is wall-clock time, so on a busy
/// machine it also cuts short ordinary matches (a corpus pass lost one detection so); a timed-out
/// match is therefore decided by the linear-time non-backtracking engine, and only a pattern that
/// engine cannot run (backreferences, lookarounds) counts a timeout as no match.
/// </summary>
internal sealed class RegexMatcher : StringMatcher
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);
    private readonly Regex _regex;
    private readonly string? _literal;
    private readonly Lazy<Regex?> _linear;

    public RegexMatcher(string pattern, RegexOptions options)
    {
        options |= RegexOptions.CultureInvariant;
        _regex = new Regex(pattern, options | RegexOptions.Compiled, Timeout);
        _literal = RegexLiterals.Required(pattern);
        _linear = new Lazy<Regex?>(() => Linear(pattern, options));
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
            return _linear.Value?.IsMatch(value) ?? false;
        }
    }

    private static Regex? Linear(string pattern, RegexOptions options)
    {
        try
        {
            return new Regex(pattern, options | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
