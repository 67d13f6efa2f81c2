using ATTT.Monitor.Collector.Notifications.Acks;

namespace ATTT.Monitor.Collector.Notifications.Queries;

/// <summary>What the dashboard shows about notifications. Values are raw text: encode them when rendering.</summary>
public interface INotificationQueries
{
    /// <summary>Every message about an incident, oldest first, with its acknowledgement.</summary>
    Task<IReadOnlyList<NoticeView>> GetNoticesAsync(long incidentId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Acknowledgement>> GetAcknowledgementsAsync(long incidentId, CancellationToken cancellationToken);

    /// <summary>Messages that could not be delivered (kept, never dropped), newest first.</summary>
    Task<IReadOnlyList<NoticeView>> GetDeadLettersAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Counts by status (pending, sent, dead) for a health tile.</summary>
    Task<IReadOnlyDictionary<string, long>> GetOutboxCountsAsync(CancellationToken cancellationToken);

    /// <summary>Puts a dead message back in the queue (after the operator fixed the cause).</summary>
    Task RequeueAsync(long outboxId, CancellationToken cancellationToken);

    /// <summary>What has not arrived yet: undelivered messages and those the sender is still retrying.</summary>
    Task<UndeliveredSummary> GetUndeliveredAsync(CancellationToken cancellationToken);

    /// <summary>An administrator gives an undelivered message up for good; false when it is not undelivered (any more).</summary>
    Task<bool> GiveUpAsync(long outboxId, string administrator, CancellationToken cancellationToken);
}
