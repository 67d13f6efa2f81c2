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
/// The timeout is wall-clock time, so on a busy machine it can also cut short an ordinary match on
/// the backtracking engine: a timed-out match is then decided by the linear-time engine, and only a
/// pattern that engine cannot run (backreferences, lookarounds) counts a timeout as no match.
/// </summary>
internal sealed class RegexMatcher : StringMatcher
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);
    private readonly string _pattern;
    private readonly RegexOptions _sigmaOptions;
    private readonly RegexOptions _options;
    private readonly Lazy<string?> _literal;
    private readonly Lazy<Regex?> _linear;
    private Regex? _regex;
    private bool _linearPending;

    public RegexMatcher(string pattern, RegexOptions options) : this(pattern, options, validated: false) { }

    /// <param name="validated">
    /// True for a pattern that loaded before (read back from the compiled-rule cache): the regex is
    /// then built on first use, since the prefilter lets most patterns run on no event at all.
    /// </param>
    public RegexMatcher(string pattern, RegexOptions options, bool validated)
    {
        _pattern = pattern;
        _sigmaOptions = options;
        _options = options | RegexOptions.CultureInvariant;
        // The interpreter validates the pattern at load (an invalid one is a named load error).
        if (!validated) _regex = new Regex(pattern, _options, Timeout);
        // The non-backtracking engine is built on first use: it holds far more memory than the
        // interpreter, and the prefilter lets most regexes run on no event at all.
        _linearPending = RegexEngineChoice.PrefersNonBacktracking(pattern);
        _literal = new Lazy<string?>(() => RegexLiterals.Required(pattern));
        _linear = new Lazy<Regex?>(() => Linear(pattern, options));
    }

    public string Pattern => _pattern;

    /// <summary>The options the rule asked for (i, m, s), without the ones the engine adds.</summary>
    public RegexOptions SigmaOptions => _sigmaOptions;

    /// <summary>True when the pattern runs (or will run, from its first use) on the non-backtracking engine.</summary>
    public bool IsLinear => _linearPending || (_regex is { } r && (r.Options & RegexOptions.NonBacktracking) != 0);

    public override IReadOnlyList<string>? RequiredLiterals => _literal.Value is { } l ? [l] : null;

    public override bool IsMatch(string value)
    {
        // Engines on several threads may race here: each builds an equivalent regex, one wins.
        if (_linearPending) UseLinearEngine();
        var regex = Volatile.Read(ref _regex) ?? Build();
        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return _linear.Value?.IsMatch(value) ?? false;
        }
    }

    private Regex Build()
    {
        var regex = new Regex(_pattern, _options, Timeout);
        Volatile.Write(ref _regex, regex);
        return regex;
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

    private void UseLinearEngine()
    {
        try
        {
            Volatile.Write(ref _regex, new Regex(_pattern, _options | RegexOptions.NonBacktracking, Timeout));
        }
        catch (NotSupportedException)
        {
            // Backreferences, lookarounds, atomic groups: only the backtracking engine has them.
        }

        _linearPending = false;
    }
}
