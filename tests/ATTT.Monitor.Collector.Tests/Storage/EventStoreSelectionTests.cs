using ATTT.Monitor.Collector.Hosting;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Elasticsearch;
using ATTT.Monitor.Collector.Storage.Sqlite;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Storage;

/// <summary>Storage:Events:Kind picks the store.</summary>
public sealed class EventStoreSelectionTests
{
    [Theory]
    [InlineData(null, typeof(SqliteEventStore))]
    [InlineData("sqlite", typeof(SqliteEventStore))]
    [InlineData("Elasticsearch", typeof(ElasticsearchEventStore))]
    public async Task The_configured_kind_is_used(string? kind, Type expected)
    {
        using var data = new TempFolder();
        var args = kind is null ? Array.Empty<string>() : [$"--Storage:Events:Kind={kind}", "--Storage:Events:Elasticsearch:Url=http://127.0.0.1:9"];
        await using var app = CollectorHost.Build(new ServeOptions(data.Path, "http://127.0.0.1:0", null), args);
        Assert.IsType(expected, app.Services.GetRequiredService<IEventStore>());
    }

    [Theory]
    [InlineData("mongodb", "Storage:Events:Kind")]
    [InlineData("elasticsearch", "Storage:Events:Elasticsearch:Url")]
    public async Task A_wrong_or_incomplete_choice_is_named(string kind, string setting)
    {
        using var data = new TempFolder();
        await using var app = CollectorHost.Build(new ServeOptions(data.Path, "http://127.0.0.1:0", null), [$"--Storage:Events:Kind={kind}"]);
        var error = Assert.Throws<InvalidOperationException>(() => app.Services.GetRequiredService<IEventStore>());
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }
}
