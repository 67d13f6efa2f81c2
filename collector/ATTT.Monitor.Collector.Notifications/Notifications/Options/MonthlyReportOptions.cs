namespace ATTT.Monitor.Collector.Notifications.Options;

/// <summary>The monthly security report per unit, scheduled with Quartz.</summary>
public sealed class MonthlyReportOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Quartz cron in Vietnam time; default 07:00 on the 1st of each month.</summary>
    public string Cron { get; set; } = "0 0 7 1 * ?";

    /// <summary>Units reported even when they had no incident; units with incidents or agents are always included.</summary>
    public List<string> Units { get; set; } = [];

    /// <summary>Contact ids that receive every unit's report; empty: the contacts the routes give a medium incident of that unit.</summary>
    public List<string> Recipients { get; set; } = [];

    /// <summary>An agent not heard from for this long at the end of the month counts as silent.</summary>
    public TimeSpan SilentAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Antivirus signatures older than this count as stale.</summary>
    public double StaleSignatureDays { get; set; } = 7;
}
