using System.Text.RegularExpressions;
using ATTT.Monitor.Sigma.Matching;

namespace ATTT.Monitor.Sigma.Tests.Matching;

/// <summary>
/// Regexes must give the same answer on every run: a pattern that backtracks polynomially may not
/// depend on a timeout (SigmaHQ's PowerShell obfuscation rule once matched or not with the load).
/// </summary>
public class RegexMatcherTests
{
    private const string FourteenPluses = @"\+.*\+.*\+.*\+.*\+.*\+.*\+.*\+.*\+.*\+.*\+.*\+.*\+.*\+";

    [Fact]
    public void A_polynomially_backtracking_pattern_runs_linear_and_answers_exactly()
    {
        var matcher = new RegexMatcher(FourteenPluses, RegexOptions.None);
        var filler = new string('x', 300);
        var thirteen = string.Join(filler, Enumerable.Repeat("+", 13)) + filler;
        var fourteen = thirteen + "+";
        Assert.False(matcher.IsMatch(thirteen));
        Assert.True(matcher.IsMatch(fourteen));
        Assert.True(matcher.IsLinear);
    }

    [Fact]
    public void A_pattern_the_linear_engine_cannot_run_still_works()
    {
        var matcher = new RegexMatcher(@"(\w+)-\1", RegexOptions.IgnoreCase);
        Assert.False(matcher.IsLinear);
        Assert.True(matcher.IsMatch("abc-ABC"));
        Assert.False(matcher.IsMatch("abc-abd"));
    }

    [Fact]
    public void A_backreference_among_many_quantifiers_falls_back_to_backtracking()
    {
        var matcher = new RegexMatcher(@"(\w+).*-.*\1.*x", RegexOptions.None);
        Assert.True(matcher.IsMatch("abc - abc x"));
        Assert.False(matcher.IsLinear);
        Assert.False(matcher.IsMatch("abc - abd"));
    }

    [Fact]
    public void A_large_counted_repetition_stays_on_the_backtracking_engine_and_matches()
    {
        var matcher = new RegexMatcher(".{1000,}", RegexOptions.None);
        Assert.False(matcher.IsLinear);
        Assert.True(matcher.IsMatch(new string('a', 1000)));
        Assert.False(matcher.IsMatch(new string('a', 999)));
    }

    [Theory]
    [InlineData(FourteenPluses, true)]
    [InlineData(@"\^.*\^.*\^.*\^.*\^", true)]
    [InlineData(@"a+b{2,}c*", true)]
    [InlineData(@"^c:\\users\\[^\\]+\\.*\.exe$", false)]
    [InlineData(@"[*+]*x[+*]+y", false)]
    [InlineData(@"\*\+\*\+", false)]
    [InlineData(@".*.*.{1000,}", false)]
    [InlineData(@"a.*b.*c.{2,150}", false)]
    public void Only_patterns_with_several_unbounded_quantifiers_prefer_the_linear_engine(string pattern, bool expected) =>
        Assert.Equal(expected, RegexEngineChoice.PrefersNonBacktracking(pattern));

    [Theory]
    [InlineData("(?i)^c:\\\\windows\\\\", @"C:\WINDOWS\x", true)]
    [InlineData("^c:\\\\windows\\\\", @"C:\WINDOWS\x", false)]
    [InlineData("a.b", "a\nb", false)]
    public void Inline_flags_and_case_are_honoured(string pattern, string value, bool expected) =>
        Assert.Equal(expected, new RegexMatcher(pattern, RegexOptions.None).IsMatch(value));
}
