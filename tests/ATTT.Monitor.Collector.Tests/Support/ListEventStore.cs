using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Events.Wire;

namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>
/// Serves <see cref="IEventStore.GetByIdsAsync"/> from a list, for incident-detail tests that run
/// before the ingest area's SQLite store is merged; every other member says it is not supported here.
/// </summary>
internal sealed class ListEventStore(IEnumerable<StoredEvent> events) : IEventStore
{
    private readonly Dictionary<long, StoredEvent> _events = events.ToDictionary(e => e.Id);

    public Task<IReadOnlyList<StoredEvent>> GetByIdsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredEvent>>(ids.Where(_events.ContainsKey).Select(id => _events[id]).ToList());

    public Task<AppendResult> AppendBatchAsync(AgentIdentity agent, EventBatch batch, DateTimeOffset receivedAt, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<StoredEvent>> ReadAfterAsync(long afterId, int max, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<EventSearchPage> SearchAsync(EventQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<EventPage> ListByAgentAsync(string unit, string agentId, long? beforeId, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<long> CountAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<HourlyCount>> CountPerHourAsync(DateTimeOffset since, IReadOnlyCollection<string>? units, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<BatchLosses>> ListLossesAsync(DateTimeOffset since, DateTimeOffset until, string? agentId, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<string>> ListChannelsAsync(int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(_events.Values.Select(e => e.Event.Channel).Where(c => c.Length > 0).Distinct().Order(StringComparer.Ordinal).Take(limit).ToList());
    public Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => throw new NotSupportedException();
}
