namespace ATTT.Monitor.Collector.Incidents;

/// <summary>Configuration section <c>Incidents</c>.</summary>
public sealed class IncidentsOptions
{
    public const string Section = "Incidents";

    /// <summary>Detections of one rule on one host this close together join one incident.</summary>
    public TimeSpan GroupingWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many matched event ids are kept at the start of an incident...</summary>
    public int KeepFirstEvents { get; set; } = 100;

    /// <summary>... and how many of the latest ones (the rest are counted, not listed).</summary>
    public int KeepLastEvents { get; set; } = 100;

    /// <summary>How often the journal's readers (notifications, drills) look for new incident changes.</summary>
    public TimeSpan JournalPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Category mapping; empty means <see cref="IncidentCategorizer.DefaultRules"/>.</summary>
    public List<CategoryRule> Categories { get; set; } = [];
}
