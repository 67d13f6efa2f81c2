using ATTT.Monitor.Sigma.Tests.Support;

namespace ATTT.Monitor.Sigma.Tests.Specification;

/// <summary>
/// The six comparisons of a correlation condition and the specification's range ("101 to 200":
/// gt 100 and lte 200). Lower bounds fire as soon as they hold; the others when the window closes.
/// </summary>
public class CorrelationConditionTests
{
    private const string Base = """
        title: Failed logon
        name: failed_logon
        logsource: { product: windows, service: security }
        detection: { sel: { EventID: 4625 }, condition: sel }
        ---
        title: Counted
        id: counted
        correlation:
            type: event_count
            rules: [failed_logon]
            group-by: [TargetUserName]
            timespan: 10m
            condition: CONDITION
        """;

    private static CorrelationRun Burst(string condition, int events, bool flush = true)
    {
        var run = new CorrelationRun(Base.Replace("CONDITION", condition, StringComparison.Ordinal));
        run.Feed(Enumerable.Range(0, events).Select(i => CorrelationRun.Event("Security", 4625, i * 0.01, ("TargetUserName", "admin"))));
        return flush ? run.Flush() : run;
    }

    [Theory]
    [InlineData("{ gt: 3 }", 3, false)]
    [InlineData("{ gt: 3 }", 4, true)]
    [InlineData("{ gte: 3 }", 3, true)]
    [InlineData("{ gte: 3 }", 2, false)]
    [InlineData("{ lt: 3 }", 2, true)]
    [InlineData("{ lt: 3 }", 3, false)]
    [InlineData("{ lte: 3 }", 3, true)]
    [InlineData("{ lte: 3 }", 4, false)]
    [InlineData("{ eq: 3 }", 3, true)]
    [InlineData("{ eq: 3 }", 4, false)]
    [InlineData("{ neq: 3 }", 4, true)]
    [InlineData("{ neq: 3 }", 3, false)]
    [InlineData("{ gt: 100, lte: 200 }", 100, false)]
    [InlineData("{ gt: 100, lte: 200 }", 101, true)]
    [InlineData("{ gt: 100, lte: 200 }", 200, true)]
    [InlineData("{ gt: 10, lte: 20 }", 21, false)]
    public void Each_comparison_decides_on_the_count_of_a_window(string condition, int events, bool fires) =>
        Assert.Equal(fires, Burst(condition, events).Fired.Count > 0);

    [Fact]
    public void A_lower_bound_fires_at_once_an_upper_bound_only_when_the_window_closes()
    {
        Assert.Single(Burst("{ gte: 3 }", 3, flush: false).Fired);
        var lt = Burst("{ lt: 5 }", 3, flush: false);
        Assert.Empty(lt.Fired);
        // The stream moving past the window's end decides it, as a later event would.
        var closed = lt.Correlation.AdvanceTo(TestEvents.T0.AddMinutes(10.5));
        var d = Assert.Single(closed);
        Assert.Equal(3, d.Count);
        Assert.Equal(TestEvents.T0.AddMinutes(0.02), d.Timestamp);
    }

    [Fact]
    public void The_count_of_a_closing_window_is_exact_beyond_the_threshold()
    {
        var d = Assert.Single(Burst("{ neq: 5 }", 95).Fired);
        Assert.Equal(95, d.Count);
        Assert.Equal(95, d.Value);
    }

    [Fact]
    public void An_event_after_the_window_closes_it_and_opens_the_next()
    {
        var run = new CorrelationRun(Base.Replace("CONDITION", "{ lte: 2 }", StringComparison.Ordinal));
        run.Feed(new[] { 0, 1, 11, 30 }.Select(m => CorrelationRun.Event("Security", 4625, m, ("TargetUserName", "admin"))));
        // [0, 1] closes at 10 (fires: 2), [11] closes at 21 when the event at 30 arrives (fires: 1); [30] is still open.
        Assert.Equal([2, 1], run.Fired.Select(d => d.Count));
        Assert.Equal([2, 1, 1], run.Flush().Fired.Select(d => d.Count));
    }
}
