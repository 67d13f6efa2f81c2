namespace ATTT.Monitor.Collector.Posture;

/// <summary>Configuration section <c>Posture</c>.</summary>
public sealed class PostureOptions
{
    public const string Section = "Posture";

    /// <summary>Antivirus signatures older than this open a "signatures out of date" incident.</summary>
    public TimeSpan SignatureMaxAge { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// An agent with no heartbeat (nor any other request) for this long, in its unit's working hours,
    /// is a posture problem at once; it becomes a low incident only after a whole missed working day.
    /// </summary>
    public TimeSpan SilenceThreshold { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Working hours of units not listed in <see cref="UnitWorkingHours"/>.</summary>
    public WorkingHoursOptions WorkingHours { get; set; } = new();

    /// <summary>Working hours per unit (by unit name), for units that keep other hours.</summary>
    public Dictionary<string, WorkingHoursOptions> UnitWorkingHours { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How often agents are checked for silence.</summary>
    public TimeSpan SilenceCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Largest posture body accepted (413 beyond).</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}
