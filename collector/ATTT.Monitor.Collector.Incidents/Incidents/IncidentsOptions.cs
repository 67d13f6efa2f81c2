namespace ATTT.Monitor.Collector.Incidents;

/// <summary>Configuration section <c>Incidents</c>.</summary>
internal sealed class IncidentsOptions
{
    public const string Section = "Incidents";

    /// <summary>
    /// Detections on one PC (and unit, real or drill) join one incident, an attack story, while each
    /// comes within this long of the story's activity: the window slides with every detection.
    /// </summary>
    public TimeSpan GroupingWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A story spans at most this long from its first to its last detection; after that a new incident opens.</summary>
    public TimeSpan StoryCap { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Detections below this level (Sigma low and informational by default) open no incident: they are
    /// kept as evidence on the PC and join an open story's timeline without raising it.
    /// </summary>
    public IncidentSeverity MinimumSeverity { get; set; } = IncidentSeverity.Medium;

    /// <summary>How many matched event ids (and timeline entries) are kept at the start of an incident...</summary>
    public int KeepFirstEvents { get; set; } = 100;

    /// <summary>... and how many of the latest ones (the rest are counted, not listed).</summary>
    public int KeepLastEvents { get; set; } = 100;

    /// <summary>How often the journal's readers (notifications, drills) look for new incident changes.</summary>
    public TimeSpan JournalPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Evidence detections kept per PC outside incidents, the newest ones.</summary>
    public int EvidencePerHost { get; set; } = 1000;

    /// <summary>
    /// The folder of attack.vi.yml and sigmahq.vi.yml; null: <c>guidance/</c> beside the rules
    /// folder (<see cref="GuidancePathResolver"/>). Without one, titles stay the rules' own.
    /// </summary>
    public string? GuidancePath { get; set; }

    /// <summary>Category mapping; empty means the ATT&amp;CK-based defaults of <see cref="IncidentCategorizer"/>.</summary>
    public List<CategoryRule> Categories { get; set; } = [];
}
