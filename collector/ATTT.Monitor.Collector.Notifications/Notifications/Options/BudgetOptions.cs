using ATTT.Monitor.Collector.Incidents;

namespace ATTT.Monitor.Collector.Notifications.Options;

/// <summary>
/// Configuration section <c>Notifications:Budget</c>: how much mail an incident may cause. The
/// authorities get one notice per incident (and the reports the rules require), only from
/// <see cref="AuthorityMinSeverity"/> up; updates are batched; every recipient has a daily cap.
/// </summary>
public sealed class BudgetOptions
{
    /// <summary>Authorities named by a route are told only from this severity up (default high and critical).</summary>
    public IncidentSeverity AuthorityMinSeverity { get; set; } = IncidentSeverity.High;

    /// <summary>Messages per recipient per day (Vietnam time); the excess goes into one digest that says so.</summary>
    public int MaxPerRecipientPerDay { get; set; } = 10;

    /// <summary>Changes to an incident already notified are collected and sent at most this often, per incident.</summary>
    public TimeSpan UpdateBatchInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// After a notice to the authorities about a PC, further serious incidents on that PC within this
    /// window reach them as one follow-up ("related incidents") instead of a notice each: one attack
    /// raises several rules' incidents on one machine in minutes.
    /// </summary>
    public TimeSpan AuthorityHostWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// For incident changes journaled before incidents carried ingest's backfill mark (<c>Ingest:BackfillAfter</c>)
    /// only: an incident detected this much after its first event is taken as backfilled.
    /// </summary>
    public TimeSpan BackfillAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The time zone whose midnight starts a recipient's day.</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";
}
