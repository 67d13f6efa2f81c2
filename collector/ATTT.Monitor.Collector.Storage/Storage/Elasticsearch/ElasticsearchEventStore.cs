using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ATTT.Monitor.Collector.Storage.Sqlite;
using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Wire;
using Method = Elastic.Transport.HttpMethod;

namespace ATTT.Monitor.Collector.Storage.Elasticsearch;

/// <summary>
/// The event store on Elasticsearch: a data stream of ECS documents with an explicit template and
/// a lifecycle policy for retention. Batches are written one at a time (ids stay in order for the
/// pipeline): reserve a range of ingest ids, bulk-create the events with deterministic document
/// ids, then create the batch marker. A batch re-sent after a crash rewrites the same document ids,
/// which Elasticsearch refuses to create twice, so nothing is stored twice.
/// </summary>
internal sealed class ElasticsearchEventStore : IEventStore, IDisposable
{
    private readonly ElasticsearchCalls _calls;
    private readonly string _stream;
    private readonly EventStoreOptions _options;
    private readonly IEventAppendedSignal _signal;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly SemaphoreSlim _setup = new(1, 1);
    private volatile bool _ready;

    public ElasticsearchEventStore(EventStoreOptions options, IEventAppendedSignal signal)
    {
        _options = options;
        _signal = signal;
        _stream = options.Elasticsearch.DataStream;
        _calls = new ElasticsearchCalls(options.Elasticsearch);
    }

    public async Task<AppendResult> AppendBatchAsync(AgentIdentity agent, EventBatch batch, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(batch);
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        var batchId = Uri.EscapeDataString(EcsDocument.BatchId(agent.AgentId, batch.Sequence));
        if (!await _writer.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false))
            throw new StoreOverloadedException("The Elasticsearch writer is busy.", TimeSpan.FromSeconds(2));
        try
        {
            var (status, marker) = await _calls.SendAsync(Method.GET, $"{ElasticsearchSetup.BatchesIndex(_stream)}/_doc/{batchId}", null, cancellationToken).ConfigureAwait(false);
            if (status == 200)
            {
                using var found = JsonDocument.Parse(marker);
                return new AppendResult(batch.Sequence, 0, true, found.RootElement.GetProperty("_source").GetProperty("last_event_id").GetInt64());
            }

            long last = 0;
            if (batch.Events.Count > 0)
            {
                last = await ReserveIdsAsync(batch.Events.Count, cancellationToken).ConfigureAwait(false);
                var body = EcsDocument.BulkCreate(_stream, agent, batch.Sequence, batch.Events, last - batch.Events.Count + 1, receivedAt);
                using var bulk = await _calls.SendJsonAsync(Method.POST, "_bulk?refresh=wait_for", System.Text.Encoding.UTF8.GetString(body), cancellationToken).ConfigureAwait(false);
                CheckBulk(bulk.RootElement);
            }

            var record = new JsonObject
            {
                ["agent_id"] = agent.AgentId, ["seq"] = batch.Sequence, ["accepted"] = batch.Events.Count,
                ["dropped"] = batch.Dropped, ["last_event_id"] = last, ["received_at"] = EventTime.Format(receivedAt),
            };
            if (batch.Losses is { Count: > 0 } losses)
                record["losses"] = System.Text.Encoding.UTF8.GetString(EventWireWriter.SerializeLosses(losses));
            var (created, text) = await _calls.SendAsync(Method.PUT, $"{ElasticsearchSetup.BatchesIndex(_stream)}/_create/{batchId}?refresh=wait_for", record.ToJsonString(), cancellationToken).ConfigureAwait(false);
            if (created is not (201 or 409))
                throw new StoreOverloadedException($"Elasticsearch refused the batch marker ({created}): {ElasticsearchCalls.Truncate(text)}", TimeSpan.FromSeconds(5));
            _signal.Notify();
            return new AppendResult(batch.Sequence, batch.Events.Count, false, last);
        }
        catch (ElasticsearchTransientException ex)
        {
            throw new StoreOverloadedException("Elasticsearch is unavailable.", ex);
        }
        finally
        {
            _writer.Release();
        }
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadAfterAsync(long afterId, int max, CancellationToken cancellationToken)
    {
        var query = new JsonObject
        {
            ["size"] = Math.Clamp(max, 0, 10_000),
            ["query"] = new JsonObject { ["range"] = new JsonObject { ["attt.ingest_id"] = new JsonObject { ["gt"] = afterId } } },
            ["sort"] = new JsonArray(new JsonObject { ["attt.ingest_id"] = "asc" }),
        };
        return await SearchHitsAsync(query, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredEvent>> GetByIdsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
            return [];
        var terms = new JsonArray([.. ids.Distinct().Select(id => (JsonNode)id)]);
        var query = new JsonObject
        {
            ["size"] = Math.Min(terms.Count, 10_000),
            ["query"] = new JsonObject { ["terms"] = new JsonObject { ["attt.ingest_id"] = terms } },
            ["sort"] = new JsonArray(new JsonObject { ["attt.ingest_id"] = "asc" }),
        };
        return await SearchHitsAsync(query, cancellationToken).ConfigureAwait(false);
    }

    public async Task<EventSearchPage> SearchAsync(EventQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Units is { Count: 0 })
            return new EventSearchPage([], null);
        var limit = Math.Clamp(query.Limit, 1, EventQuery.MaxLimit);
        var body = new JsonObject
        {
            ["size"] = limit + 1,
            ["query"] = ElasticsearchEventQuery.Build(query),
            ["sort"] = new JsonArray(new JsonObject { ["@timestamp"] = "desc" }, new JsonObject { ["attt.ingest_id"] = "desc" }),
        };
        var events = await SearchHitsAsync(body, cancellationToken).ConfigureAwait(false);
        if (events.Count <= limit)
            return new EventSearchPage(events, null);
        var page = events.Take(limit).ToList();
        return new EventSearchPage(page, new EventCursor(page[^1].Event.TimeCreated, page[^1].Id));
    }

    public async Task<EventPage> ListByAgentAsync(string unit, string agentId, long? beforeId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(agentId);
        limit = Math.Clamp(limit, 1, 1000);
        var filter = new JsonArray(Term("attt.unit", unit), Term("attt.agent_id", agentId));
        if (beforeId is { } before)
            filter.Add(new JsonObject { ["range"] = new JsonObject { ["attt.ingest_id"] = new JsonObject { ["lt"] = before } } });
        var body = new JsonObject
        {
            ["size"] = limit + 1,
            ["query"] = new JsonObject { ["bool"] = new JsonObject { ["filter"] = filter } },
            ["sort"] = new JsonArray(new JsonObject { ["attt.ingest_id"] = "desc" }),
        };
        var events = await SearchHitsAsync(body, cancellationToken).ConfigureAwait(false);
        if (events.Count <= limit)
            return new EventPage(events, null);
        var page = events.Take(limit).ToList();
        return new EventPage(page, page[^1].Id);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        using var result = await _calls.SendJsonAsync(Method.GET, $"{_stream}/_count", null, cancellationToken).ConfigureAwait(false);
        return result.RootElement.GetProperty("count").GetInt64();
    }

    public async Task<IReadOnlyList<HourlyCount>> CountPerHourAsync(DateTimeOffset since, IReadOnlyCollection<string>? units, CancellationToken cancellationToken)
    {
        if (units is { Count: 0 })
            return [];
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        var filter = new JsonArray(new JsonObject { ["range"] = new JsonObject { ["attt.received_at"] = new JsonObject { ["gte"] = EventTime.Format(since) } } });
        AddUnits(filter, units);
        var body = new JsonObject
        {
            ["size"] = 0,
            ["query"] = new JsonObject { ["bool"] = new JsonObject { ["filter"] = filter } },
            ["aggs"] = new JsonObject
            {
                ["hours"] = new JsonObject { ["date_histogram"] = new JsonObject { ["field"] = "attt.received_at", ["fixed_interval"] = "1h", ["min_doc_count"] = 1 } },
            },
        };
        using var result = await _calls.SendJsonAsync(Method.POST, $"{_stream}/_search", body.ToJsonString(), cancellationToken).ConfigureAwait(false);
        return result.RootElement.GetProperty("aggregations").GetProperty("hours").GetProperty("buckets").EnumerateArray()
            .Select(b => new HourlyCount(DateTimeOffset.FromUnixTimeMilliseconds(b.GetProperty("key").GetInt64()), b.GetProperty("doc_count").GetInt64()))
            .ToList();
    }

    public async Task<IReadOnlyList<BatchLosses>> ListLossesAsync(DateTimeOffset since, DateTimeOffset until, string? agentId, int limit, CancellationToken cancellationToken)
    {
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        var filter = new JsonArray(new JsonObject { ["range"] = new JsonObject { ["received_at"] = new JsonObject { ["gte"] = EventTime.Format(since), ["lt"] = EventTime.Format(until) } } });
        if (agentId is not null)
            filter.Add(Term("agent_id", agentId));
        var body = new JsonObject
        {
            ["size"] = Math.Clamp(limit, 1, 10_000),
            ["sort"] = new JsonArray(new JsonObject { ["received_at"] = "desc" }),
            ["query"] = new JsonObject
            {
                ["bool"] = new JsonObject
                {
                    ["filter"] = filter,
                    ["should"] = new JsonArray(new JsonObject { ["range"] = new JsonObject { ["dropped"] = new JsonObject { ["gt"] = 0 } } }, new JsonObject { ["exists"] = new JsonObject { ["field"] = "losses" } }),
                    ["minimum_should_match"] = 1,
                },
            },
        };
        using var result = await _calls.SendJsonAsync(Method.POST, $"{ElasticsearchSetup.BatchesIndex(_stream)}/_search", body.ToJsonString(), cancellationToken).ConfigureAwait(false);
        var losses = new List<BatchLosses>();
        foreach (var hit in result.RootElement.GetProperty("hits").GetProperty("hits").EnumerateArray())
        {
            var source = hit.GetProperty("_source");
            var channels = source.TryGetProperty("losses", out var text) && text.ValueKind == JsonValueKind.String
                ? EventWireReader.ReadLosses(System.Text.Encoding.UTF8.GetBytes(text.GetString()!))
                : [];
            losses.Add(new BatchLosses(source.GetProperty("agent_id").GetString()!, source.GetProperty("seq").GetInt64(),
                EventTime.TryParse(source.GetProperty("received_at").GetString(), out var at) ? at : DateTimeOffset.UnixEpoch, source.GetProperty("dropped").GetInt64(), channels));
        }

        return losses;
    }

    public async Task<IReadOnlyList<string>> ListChannelsAsync(int limit, CancellationToken cancellationToken)
    {
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        var body = new JsonObject
        {
            ["size"] = 0,
            ["aggs"] = new JsonObject
            {
                ["channels"] = new JsonObject { ["terms"] = new JsonObject { ["field"] = "winlog.channel", ["size"] = Math.Clamp(limit, 1, 10_000) } },
            },
        };
        using var result = await _calls.SendJsonAsync(Method.POST, $"{_stream}/_search", body.ToJsonString(), cancellationToken).ConfigureAwait(false);
        return result.RootElement.GetProperty("aggregations").GetProperty("channels").GetProperty("buckets").EnumerateArray()
            .Select(b => b.GetProperty("key").GetString() ?? "").Where(c => c.Length > 0).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Retention is the lifecycle policy's job; this deletes on demand (the contract's operation).</summary>
    public async Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        var body = new JsonObject { ["query"] = new JsonObject { ["range"] = new JsonObject { ["attt.received_at"] = new JsonObject { ["lt"] = EventTime.Format(cutoff) } } } };
        using var result = await _calls.SendJsonAsync(Method.POST, $"{_stream}/_delete_by_query?conflicts=proceed&refresh=true", body.ToJsonString(), cancellationToken).ConfigureAwait(false);
        return result.RootElement.GetProperty("deleted").GetInt64();
    }

    /// <summary>Makes everything written visible to searches (tests; writes already wait for refresh).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        await _calls.SendAsync(Method.POST, $"{_stream}/_refresh", null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the data stream and helper indices (tests only).</summary>
    public async Task DeleteEverythingAsync(CancellationToken cancellationToken)
    {
        await _calls.SendAsync(Method.DELETE, $"_data_stream/{_stream}", null, cancellationToken).ConfigureAwait(false);
        await _calls.SendAsync(Method.DELETE, ElasticsearchSetup.BatchesIndex(_stream), null, cancellationToken).ConfigureAwait(false);
        await _calls.SendAsync(Method.DELETE, ElasticsearchSetup.StateIndex(_stream), null, cancellationToken).ConfigureAwait(false);
        await _calls.SendAsync(Method.DELETE, $"_index_template/{_stream}", null, cancellationToken).ConfigureAwait(false);
        await _calls.SendAsync(Method.DELETE, $"_ilm/policy/{ElasticsearchSetup.PolicyName(_stream)}", null, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _setup.Dispose();
    }

    private async Task<long> ReserveIdsAsync(int count, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["script"] = new JsonObject { ["source"] = "ctx._source.next += params.n", ["params"] = new JsonObject { ["n"] = count } },
            ["upsert"] = new JsonObject { ["next"] = count },
        };
        using var result = await _calls.SendJsonAsync(Method.POST, $"{ElasticsearchSetup.StateIndex(_stream)}/_update/ingest_id?retry_on_conflict=10&_source=true&refresh=true", body.ToJsonString(), cancellationToken).ConfigureAwait(false);
        return result.RootElement.GetProperty("get").GetProperty("_source").GetProperty("next").GetInt64();
    }

    private static void CheckBulk(JsonElement bulk)
    {
        if (!bulk.GetProperty("errors").GetBoolean())
            return;
        foreach (var item in bulk.GetProperty("items").EnumerateArray())
        {
            var result = item.GetProperty("create");
            var status = result.GetProperty("status").GetInt32();
            if (status is 201 or 200 or 409)
                continue; // 409: created by an earlier attempt of this batch
            var reason = result.TryGetProperty("error", out var error) ? error.ToString() : status.ToString(CultureInfo.InvariantCulture);
            if (status is 429 or >= 500)
                throw new ElasticsearchTransientException($"Elasticsearch could not take the batch now ({status}).");
            throw new StoreOverloadedException($"Elasticsearch refused an event ({status}): {ElasticsearchCalls.Truncate(reason)}", TimeSpan.FromSeconds(30));
        }
    }

    private async Task<List<StoredEvent>> SearchHitsAsync(JsonObject body, CancellationToken cancellationToken)
    {
        await EnsureSetupAsync(cancellationToken).ConfigureAwait(false);
        body["_source"] = new JsonArray("attt.agent_id", "attt.unit", "attt.drill", "attt.received_at", "attt.ingest_id", "attt.event");
        using var result = await _calls.SendJsonAsync(Method.POST, $"{_stream}/_search", body.ToJsonString(), cancellationToken).ConfigureAwait(false);
        var events = new List<StoredEvent>();
        foreach (var hit in result.RootElement.GetProperty("hits").GetProperty("hits").EnumerateArray())
        {
            var a = hit.GetProperty("_source").GetProperty("attt");
            var received = EventTime.TryParse(a.GetProperty("received_at").GetString(), out var t) ? t : DateTimeOffset.UnixEpoch;
            events.Add(new StoredEvent(a.GetProperty("ingest_id").GetInt64(), a.GetProperty("agent_id").GetString()!, a.GetProperty("unit").GetString()!,
                a.GetProperty("drill").GetBoolean(), received, EventJson.Deserialize(a.GetProperty("event").GetString()!)));
        }

        return events;
    }

    private async Task EnsureSetupAsync(CancellationToken cancellationToken)
    {
        if (_ready)
            return;
        await _setup.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ready)
                return;
            (await _calls.SendJsonAsync(Method.PUT, $"_ilm/policy/{ElasticsearchSetup.PolicyName(_stream)}", ElasticsearchSetup.Policy(Math.Max(1, _options.RetentionDays)), cancellationToken).ConfigureAwait(false)).Dispose();
            (await _calls.SendJsonAsync(Method.PUT, $"_index_template/{_stream}", ElasticsearchSetup.Template(_stream), cancellationToken).ConfigureAwait(false)).Dispose();
            await CreateIndexAsync(ElasticsearchSetup.BatchesIndex(_stream), ElasticsearchSetup.BatchesMapping, cancellationToken).ConfigureAwait(false);
            (await _calls.SendJsonAsync(Method.PUT, $"{ElasticsearchSetup.BatchesIndex(_stream)}/_mapping", ElasticsearchSetup.BatchesAddedFields, cancellationToken).ConfigureAwait(false)).Dispose();
            await CreateIndexAsync(ElasticsearchSetup.StateIndex(_stream), ElasticsearchSetup.StateMapping, cancellationToken).ConfigureAwait(false);
            var (status, text) = await _calls.SendAsync(Method.PUT, $"_data_stream/{_stream}", null, cancellationToken).ConfigureAwait(false);
            if (status is not (200 or 400) || (status == 400 && !text.Contains("already_exists", StringComparison.Ordinal)))
                throw new InvalidOperationException($"Could not create the data stream {_stream} ({status}): {ElasticsearchCalls.Truncate(text)}");
            _ready = true;
        }
        finally
        {
            _setup.Release();
        }
    }

    private async Task CreateIndexAsync(string index, string body, CancellationToken cancellationToken)
    {
        var (status, text) = await _calls.SendAsync(Method.PUT, index, body, cancellationToken).ConfigureAwait(false);
        if (status is not (200 or 400) || (status == 400 && !text.Contains("already_exists", StringComparison.Ordinal)))
            throw new InvalidOperationException($"Could not create the index {index} ({status}): {ElasticsearchCalls.Truncate(text)}");
    }

    private static void AddUnits(JsonArray filter, IReadOnlyCollection<string>? units)
    {
        if (units is not null)
            filter.Add(new JsonObject { ["terms"] = new JsonObject { ["attt.unit"] = new JsonArray([.. units.Select(u => (JsonNode)u)]) } });
    }

    private static JsonObject Term(string field, JsonNode value) => new() { ["term"] = new JsonObject { [field] = value } };

    private static JsonObject TermInsensitive(string field, string value) =>
        new() { ["term"] = new JsonObject { [field] = new JsonObject { ["value"] = value, ["case_insensitive"] = true } } };
}
