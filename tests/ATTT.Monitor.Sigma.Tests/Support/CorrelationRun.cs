using ATTT.Monitor.Events;

namespace ATTT.Monitor.Sigma.Tests.Support;

/// <summary>
/// Loads rules (detections and correlations) and streams events through the engine and the
/// correlation engine as `attt scan` and the collector do; collects what the correlations fire.
/// </summary>
internal sealed class CorrelationRun
{
    public CorrelationRun(string yaml, SigmaLoadOptions? options = null)
    {
        Rules = SigmaRuleSet.LoadText(yaml, options);
        Assert.True(Rules.Diagnostics.Count == 0, string.Join('\n', Rules.Diagnostics));
        Engine = Rules.CreateEngine();
        Correlation = Rules.CreateCorrelationEngine(options);
    }

    public SigmaRuleSet Rules { get; }
    public SigmaEngine Engine { get; }
    public SigmaCorrelationEngine Correlation { get; }
    public List<SigmaDetection> Fired { get; } = [];

    /// <summary>Feeds events in the order given; <paramref name="scope"/> is passed with each detection.</summary>
    public CorrelationRun Feed(IEnumerable<EventRecord> events, string? scope = null)
    {
        foreach (var e in events)
        {
            foreach (var d in Engine.Evaluate(e)) Fired.AddRange(Correlation.Process(d, scope));
        }

        return this;
    }

    public CorrelationRun Flush()
    {
        Fired.AddRange(Correlation.Flush());
        return this;
    }

    public List<SigmaDetection> Of(string ruleIdOrTitle) =>
        Fired.Where(d => d.Rule.Id == ruleIdOrTitle || d.Rule.Title == ruleIdOrTitle || d.Rule.Name == ruleIdOrTitle).ToList();

    /// <summary>An event of <paramref name="channel"/>/<paramref name="eventId"/> at <paramref name="minutes"/> after <see cref="TestEvents.T0"/>.</summary>
    public static EventRecord Event(string channel, int eventId, double minutes, params (string Name, string? Value)[] fields) =>
        TestEvents.Make(channel, eventId, fields).At(TestEvents.T0.AddMinutes(minutes));
}
