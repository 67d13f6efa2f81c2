namespace ATTT.Monitor.Collector.Drills;

/// <summary>The <c>Drills</c> configuration section.</summary>
public sealed class DrillsOptions
{
    public const string Section = "Drills";

    /// <summary>Folder of the playbooks to load; relative paths are read from the working directory.</summary>
    public string PlaybooksPath { get; set; } = "playbooks";

    /// <summary>Turns the drill scheduler off (the collector still loads playbooks for incidents).</summary>
    public bool SchedulerEnabled { get; set; } = true;

    /// <summary>What to do with a drill whose time passed while the collector was down: <c>report</c> or <c>run_late</c>.</summary>
    public string MissedPolicy { get; set; } = "report";

    public DrillMissedPolicy Missed => MissedPolicy.Trim().ToLowerInvariant() switch
    {
        "report" => DrillMissedPolicy.Report,
        "run_late" or "runlate" => DrillMissedPolicy.RunLate,
        _ => throw new InvalidOperationException($"Drills:MissedPolicy must be 'report' or 'run_late', not '{MissedPolicy}'."),
    };

    /// <summary>The unit drilled when a playbook names none.</summary>
    public string DefaultUnit { get; set; } = ATTT.Monitor.Collector.Access.UnitNames.Default;

    /// <summary>How late Quartz may still fire a trigger on time; beyond it the firing is a misfire.</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Replaces a playbook's schedule by its id, e.g. to hold a drill at a date chosen by the
    /// coordinator, or in tests a few seconds ahead. Keys are playbook ids.
    /// </summary>
    public Dictionary<string, DrillScheduleOverride> ScheduleOverrides { get; set; } = new(StringComparer.Ordinal);
}
