using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Elasticsearch;

namespace ATTT.Monitor.Collector.Tests.Storage;

/// <summary>
/// The contract against a real Elasticsearch, only when ATTT_ELASTICSEARCH_URL is set (with
/// ATTT_ELASTICSEARCH_USER / ATTT_ELASTICSEARCH_PASSWORD or ATTT_ELASTICSEARCH_API_KEY if the
/// cluster needs them). Each test gets its own data stream, deleted afterwards.
/// </summary>
public sealed class ElasticsearchEventStoreTests : EventStoreContract
{
    private ElasticsearchEventStore? _store;

    protected override Task<IEventStore> CreateStoreAsync()
    {
        var url = Environment.GetEnvironmentVariable("ATTT_ELASTICSEARCH_URL");
        if (string.IsNullOrWhiteSpace(url))
            Assert.Skip("ATTT_ELASTICSEARCH_URL not set: Elasticsearch contract tests skipped");
        var options = new EventStoreOptions
        {
            Kind = EventStoreOptions.ElasticsearchKind,
            Elasticsearch = new ElasticsearchOptions
            {
                Url = url,
                Username = Environment.GetEnvironmentVariable("ATTT_ELASTICSEARCH_USER"),
                Password = Environment.GetEnvironmentVariable("ATTT_ELASTICSEARCH_PASSWORD"),
                ApiKey = Environment.GetEnvironmentVariable("ATTT_ELASTICSEARCH_API_KEY"),
                DataStream = $"logs-attt.test{Guid.NewGuid():N}"[..30] + "-default",
            },
        };
        _store = new ElasticsearchEventStore(options, new EventAppendedSignal());
        return Task.FromResult<IEventStore>(_store);
    }

    protected override Task RefreshAsync() => _store!.RefreshAsync(TestContext.Current.CancellationToken);

    protected override async ValueTask DisposeStoreAsync()
    {
        if (_store is null)
            return;
        await _store.DeleteEverythingAsync(CancellationToken.None);
        _store.Dispose();
    }
}
