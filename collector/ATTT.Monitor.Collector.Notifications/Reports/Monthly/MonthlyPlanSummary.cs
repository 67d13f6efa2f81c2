namespace ATTT.Monitor.Collector.Reports.Monthly;

/// <summary>
/// Indicator 1 of the unit's plan when the report is made (PCs meeting the minimum configuration,
/// PCs with a valid personal digital-signature certificate, certificates expiring soon) and the
/// events lost on the unit's PCs during the month: dropped by the agents, and event log records
/// never read (log wraps, record-id gaps), per PC.
/// </summary>
public sealed record MonthlyPlanSummary(
    int Pcs,
    int MeetingMinimum,
    int Unreported,
    int WithValidSignature,
    IReadOnlyList<string> ExpiringCertificates,
    long DroppedEvents,
    long LostRecords,
    IReadOnlyList<string> LossesByHost);
