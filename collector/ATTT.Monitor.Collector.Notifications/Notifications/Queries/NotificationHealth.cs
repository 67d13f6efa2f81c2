using ATTT.Monitor.Collector.Incidents.Journal;
using ATTT.Monitor.Collector.Notifications.Templates;

namespace ATTT.Monitor.Collector.Notifications.Queries;

/// <summary>
/// What the overview must show about notices the police can trust: broken templates, journal readers
/// stuck on an entry (notifications, drills), and messages that have not arrived.
/// </summary>
public sealed class NotificationHealth(TemplateHealth templates, IncidentJournalReaders readers, INotificationQueries queries)
{
    public async Task<NotificationHealthReport> GetAsync(CancellationToken cancellationToken) => new(
        templates.Problems,
        await readers.StatusAsync(cancellationToken).ConfigureAwait(false),
        await queries.GetUndeliveredAsync(cancellationToken).ConfigureAwait(false));
}
