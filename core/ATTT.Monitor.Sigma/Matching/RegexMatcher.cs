using System.Text.RegularExpressions;

namespace ATTT.Monitor.Sigma.Matching;

/// <summary>
/// The <c>re</c> modifier, built once at load. Event text is attacker-controlled: a match timeout
/// bounds the backtracking interpreter (a timed-out match counts as no match), and patterns that
/// could backtrack polynomially run on the non-backtracking engine instead
/// (<see cref="RegexEngineChoice"/>), which gives the same <c>IsMatch</c> answer in linear time.
/// Before, SigmaHQ's <c>\+.*\+.*\+…</c> (14 times) ran backtracking: under CPU load the same
/// event matched on one run and timed out on the next, so detection counts were not reproducible.
/// Not <see cref="RegexOptions.Compiled"/>: compiling hundreds of patterns (once per event source)
/// cost seconds of start-up and tens of MB of generated code, for matchers that the literal
/// prefilter rarely lets run.
/// </summary>
internal sealed class RegexMatcher : StringMatcher
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);
    private readonly Regex _regex;
    private readonly string? _literal;

    public RegexMatcher(string pattern, RegexOptions options)
    {
        options |= RegexOptions.CultureInvariant;
        if (RegexEngineChoice.PrefersNonBacktracking(pattern))
        {
            try
            {
                _regex = new Regex(pattern, options | RegexOptions.NonBacktracking, Timeout);
                IsLinear = true;
            }
            catch (NotSupportedException)
            {
                // Backreferences, lookarounds, atomic groups: only the backtracking engine has them.
            }
        }

        _regex ??= new Regex(pattern, options, Timeout);

        _literal = RegexLiterals.Required(pattern);
    }

    /// <summary>True when the pattern runs on the non-backtracking engine (linear time).</summary>
    public bool IsLinear { get; }

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
