using ATTT.Monitor.Events.Wire;

namespace ATTT.Monitor.Collector.Storage;

/// <summary>
/// Where events live: the embedded SQLite store by default, Elasticsearch for a province.
/// One contract test suite runs against every implementation.
/// </summary>
public interface IEventStore
{
    /// <summary>
    /// Stores a batch from an agent, idempotently by (agent id, batch sequence). Returns only after
    /// the batch is durable; a batch already stored is reported as a duplicate and not stored again.
    /// </summary>
    Task<AppendResult> AppendBatchAsync(AgentIdentity agent, EventBatch batch, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>Events with an id greater than <paramref name="afterId"/>, in id order (the pipeline's feed).</summary>
    Task<IReadOnlyList<StoredEvent>> ReadAfterAsync(long afterId, int max, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredEvent>> GetByIdsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>Newest first by event time; filters as <see cref="EventQuery"/> says, paging by <see cref="EventSearchPage.Next"/>.</summary>
    Task<EventSearchPage> SearchAsync(EventQuery query, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The events one agent sent, newest first (a PC's page), whatever their Computer field says.
    /// <paramref name="unit"/> is the agent's unit; newest first by id, continued below <see cref="EventPage.NextBeforeId"/>.
    /// </summary>
    Task<EventPage> ListByAgentAsync(string unit, string agentId, long? beforeId, int limit, CancellationToken cancellationToken);

    /// <summary>Events per hour since <paramref name="since"/> (dashboard chart); units null = all.</summary>
    Task<IReadOnlyList<HourlyCount>> CountPerHourAsync(DateTimeOffset since, IReadOnlyCollection<string>? units, CancellationToken cancellationToken);

    /// <summary>
    /// The stored batches received in [<paramref name="since"/>, <paramref name="until"/>) that report a
    /// loss (a dropped count or channel losses), newest first; <paramref name="agentId"/> null = every agent.
    /// </summary>
    Task<IReadOnlyList<BatchLosses>> ListLossesAsync(DateTimeOffset since, DateTimeOffset until, string? agentId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The distinct channels the stored events came from (at most <paramref name="limit"/>, by name),
    /// read from what the store keeps once per source, never from event bodies; for the rule pack's channel filter.
    /// </summary>
    Task<IReadOnlyList<string>> ListChannelsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Deletes events received before <paramref name="cutoff"/> (retention); returns how many.</summary>
    Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
