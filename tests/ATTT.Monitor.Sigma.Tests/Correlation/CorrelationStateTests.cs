using System.Text;
using ATTT.Monitor.Sigma.Tests.Support;

namespace ATTT.Monitor.Sigma.Tests.Correlation;

/// <summary>
/// What the collector needs from correlation state (issue 19): groups separated by the caller's
/// scope (the unit), state saved and restored across a reload, bounded memory, and values that are
/// missing or not numbers left out.
/// </summary>
public sealed class CorrelationStateTests
{
    private const string Rules = """
        title: Failed logon
        name: failed_logon
        logsource: { product: windows, service: security }
        detection: { sel: { EventID: 4625 }, condition: sel }
        ---
        title: Brute force
        id: 6b7c0000-0000-4000-8000-00000000b001
        correlation:
            type: event_count
            rules: [failed_logon]
            group-by: [Computer, TargetUserName]
            timespan: 5m
            condition: { gte: 3 }
        ---
        title: Few failures
        id: 6b7c0000-0000-4000-8000-00000000b002
        correlation:
            type: event_count
            rules: [failed_logon]
            group-by: [TargetUserName]
            timespan: 5m
            condition: { lt: 3 }
        """;

    private static Events.EventRecord Failure(double minutes, string user = "admin") =>
        CorrelationRun.Event("Security", 4625, minutes, ("TargetUserName", user));

    [Fact]
    public void Two_units_with_the_same_computer_name_never_share_a_counter()
    {
        // Both communes have a PC-KETOAN-01 (TestEvents' computer) with an "admin" account.
        var run = new CorrelationRun(Rules);
        run.Feed([Failure(0), Failure(1)], scope: "xa-sang-moc");
        run.Feed([Failure(1.5), Failure(2)], scope: "xa-van-lang");
        Assert.DoesNotContain(run.Fired, d => d.Rule.Title == "Brute force");
        run.Feed([Failure(3)], scope: "xa-sang-moc");
        var d = Assert.Single(run.Of("Brute force"));
        Assert.Equal("xa-sang-moc", d.Scope);
        Assert.Equal("PC-KETOAN-01", d.Group!["Computer"]);
    }

    [Fact]
    public void Saved_state_restored_into_a_reloaded_rule_set_carries_on()
    {
        var before = new CorrelationRun(Rules).Feed([Failure(0), Failure(1)], scope: "u1").Feed([Failure(0.5, "ketoan")], scope: "u2");
        var saved = new MemoryStream();
        before.Correlation.SaveState(saved);
        Assert.Contains("attt-sigma-correlation-state", Encoding.UTF8.GetString(saved.ToArray()), StringComparison.Ordinal);

        // A reload: a new rule set (another rule added), a new engine.
        var after = new CorrelationRun(Rules + """

            ---
            title: Another rule
            logsource: { product: windows, service: system }
            detection: { sel: { EventID: 7045 }, condition: sel }
            """);
        saved.Position = 0;
        Assert.Equal(2, after.Correlation.RestoreState(saved));
        Assert.Equal(before.Correlation.TrackedGroups, after.Correlation.TrackedGroups);
        Assert.Equal(before.Correlation.StreamTime, after.Correlation.StreamTime);
        after.Feed([Failure(2)], scope: "u1");
        var d = Assert.Single(after.Of("Brute force"));
        Assert.Equal(3, d.Count);

        // The open "few failures" window of u2 (one failure) closes with the stream and fires from
        // the restored event: the saved event kept the fields the correlation reads.
        var few = after.Correlation.AdvanceTo(TestEvents.T0.AddMinutes(6)).Where(x => x.Rule.Title == "Few failures" && x.Scope == "u2").ToList();
        var restored = Assert.Single(few);
        Assert.True(restored.Event.TryGetField("TargetUserName", out var user));
        Assert.Equal("ketoan", user);
        Assert.Equal(TestEvents.T0.AddMinutes(0.5), restored.Timestamp);
    }

    [Fact]
    public void A_correlation_whose_definition_changed_starts_afresh()
    {
        var before = new CorrelationRun(Rules).Feed([Failure(0), Failure(1)]);
        var saved = new MemoryStream();
        before.Correlation.SaveState(saved);
        var changed = new CorrelationRun(Rules.Replace("timespan: 5m\n    condition: { gte: 3 }", "timespan: 10m\n    condition: { gte: 3 }", StringComparison.Ordinal));
        saved.Position = 0;
        Assert.Equal(1, changed.Correlation.RestoreState(saved));
        changed.Feed([Failure(2)]);
        Assert.Empty(changed.Of("Brute force"));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"format\":\"something else\",\"version\":1}")]
    [InlineData("{\"format\":\"attt-sigma-correlation-state\",\"version\":1,\"stream_time\":null,\"correlations\":[{\"id\":\"6b7c0000-0000-4000-8000-00000000b001\",\"fingerprint\":\"FP\",\"groups\":[{\"key\":\"k\"}]}]}")]
    [InlineData("{\"format\":\"attt-sigma-correlation-state\",\"version\":1,\"stream_time\":\"soon\",\"correlations\":[]}")]
    public void Damaged_state_is_refused_with_a_reason_and_leaves_the_engine_empty(string text)
    {
        var run = new CorrelationRun(Rules).Feed([Failure(0)]);
        var fingerprint = new MemoryStream();
        run.Correlation.SaveState(fingerprint);
        var real = System.Text.Json.JsonDocument.Parse(fingerprint.ToArray()).RootElement.GetProperty("correlations")[0].GetProperty("fingerprint").GetString()!;
        var input = new MemoryStream(Encoding.UTF8.GetBytes(text.Replace("\"FP\"", System.Text.Json.JsonSerializer.Serialize(real), StringComparison.Ordinal)));
        var ex = Assert.Throws<SigmaStateException>(() => run.Correlation.RestoreState(input));
        Assert.StartsWith("correlation state", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, run.Correlation.TrackedGroups);
    }

    [Fact]
    public void Groups_stay_bounded_for_windows_decided_at_their_end()
    {
        var set = RuleText.Load(Rules);
        var engine = set.CreateEngine();
        var corr = set.CreateCorrelationEngine(new SigmaLoadOptions { MaxCorrelationGroups = 64 });
        for (var i = 0; i < 5000; i++)
        {
            foreach (var d in engine.Evaluate(Failure(i * 0.0001, "user" + i))) corr.Process(d, scope: "u" + (i % 7));
        }

        Assert.True(corr.TrackedGroups <= 2 * 64, $"{corr.TrackedGroups} groups tracked");
    }

    private const string Sum = """
        title: Upload
        name: upload
        logsource: { product: windows, service: application }
        detection: { sel: { EventID: 900 }, condition: sel }
        ---
        title: Large upload
        correlation:
            type: value_sum
            rules: [upload]
            group-by: [User]
            timespan: 1h
            condition: { field: BytesSent, gte: 100 }
        """;

    [Fact]
    public void A_missing_empty_or_non_numeric_value_is_left_out_of_a_sum_and_counted()
    {
        var run = new CorrelationRun(Sum);
        run.Feed([
            CorrelationRun.Event("Application", 900, 0, ("User", "a"), ("BytesSent", "60")),
            CorrelationRun.Event("Application", 900, 1, ("User", "a")),
            CorrelationRun.Event("Application", 900, 2, ("User", "a"), ("BytesSent", "")),
            CorrelationRun.Event("Application", 900, 3, ("User", "a"), ("BytesSent", "many")),
            CorrelationRun.Event("Application", 900, 4, ("User", "a"), ("BytesSent", "NaN")),
        ]);
        Assert.Empty(run.Fired);
        Assert.Equal(4, run.Correlation.UnusableDetections);
        run.Feed([CorrelationRun.Event("Application", 900, 5, ("User", "a"), ("BytesSent", "40.5"))]);
        var d = Assert.Single(run.Fired);
        Assert.Equal(100.5, d.Value);
        Assert.Equal(2, d.Count);
    }
}
