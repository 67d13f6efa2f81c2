using ATTT.Monitor.Collector.Incidents.Journal;
using ATTT.Monitor.Collector.Notifications.Templates;

namespace ATTT.Monitor.Collector.Notifications.Queries;

/// <summary>See <see cref="NotificationHealth"/>.</summary>
public sealed record NotificationHealthReport(IReadOnlyList<TemplateProblem> Templates, IReadOnlyList<JournalReaderStatus> Readers, UndeliveredSummary Undelivered)
{
    public IEnumerable<JournalReaderStatus> StuckReaders => Readers.Where(r => r.IsFailing);
}
