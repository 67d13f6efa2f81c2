using ATTT.Monitor.Collector.Detection;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>A detection as a story takes it: its level, category, tactics and Vietnamese text, worked out once.</summary>
internal sealed record StoryDetection(DetectionHit Hit, IncidentSeverity Level, bool Counts, string Category, IReadOnlyList<string> Tactics, IncidentExplanation Explanation)
{
    public TimelineEntry ToEntry(long? incidentId) => new(
        incidentId, Hit.At, Hit.RuleId, Explanation.Title, Explanation.TitleEn, Level, Tactics, Hit.EventId, !Counts);

    /// <summary>The story this detection opens, backfilled when <paramref name="isBackfill"/> says its event was.</summary>
    public Incident Open(DateTimeOffset now, bool isBackfill)
    {
        var chain = KillChain.Add(KillChain.Empty, Tactics);
        return new Incident(
            0, Explanation.Title, Hit.RuleId, Hit.RuleTitle, Hit.Tags, Category, Level, IncidentState.New,
            Hit.Unit, Hit.Host, Hit.AgentId, Hit.At, Hit.At, 1, Hit.IsDrill, null, Hit.Description, now, now, null, null)
        {
            Explanation = Explanation,
            KillChain = chain,
            PeakSeverity = Level,
            IsBackfill = isBackfill,
        };
    }

    /// <summary>
    /// The story with this detection added. A counted detection extends the story's activity, may
    /// raise its severity (its level, one step more once the tactics progress, never down) and take
    /// the lead (title and text) when it is the most severe so far; evidence is only counted.
    /// </summary>
    public Incident AddTo(Incident story, DateTimeOffset now)
    {
        if (!Counts)
            return story with { Count = story.Count + 1, UpdatedAt = now };
        var peak = story.PeakSeverity is { } p && p >= Level ? p : Level;
        var chain = KillChain.Add(story.KillChain, Tactics);
        var raised = KillChain.Progressed(chain) && peak < IncidentSeverity.Critical ? peak + 1 : peak;
        var leads = story.PeakSeverity is not { } before || Level > before;
        var updated = story with
        {
            Count = story.Count + 1,
            FirstSeen = Hit.At < story.FirstSeen ? Hit.At : story.FirstSeen,
            LastSeen = Hit.At > story.LastSeen ? Hit.At : story.LastSeen,
            Severity = raised > story.Severity ? raised : story.Severity,
            Category = CategoryRank.Max(story.Category, Category),
            Tags = story.Tags.Count >= MaxTags ? story.Tags : story.Tags.Union(Hit.Tags, StringComparer.OrdinalIgnoreCase).Take(MaxTags).ToList(),
            UpdatedAt = now,
            KillChain = chain,
            PeakSeverity = peak,
        };
        return leads
            ? updated with { Title = Explanation.Title, RuleId = Hit.RuleId, RuleTitle = Hit.RuleTitle, Description = Hit.Description, Explanation = Explanation }
            : updated;
    }

    /// <summary>A long story's tags are a summary, not a list of everything.</summary>
    private const int MaxTags = 64;
}
