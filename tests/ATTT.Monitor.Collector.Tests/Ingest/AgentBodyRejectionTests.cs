using System.Net;
using System.Text.Json;
using ATTT.Monitor.Collector.Tests.Support;
using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Wire;

namespace ATTT.Monitor.Collector.Tests.Ingest;

/// <summary>
/// Issue 21 items 3 and 4 on the real collector: text that is not Unicode (invalid UTF-8, a lone
/// surrogate) or a value of the wrong type in any field of an agent call is answered 400 naming the
/// field, stores nothing and logs no stack trace; a batch of more than 5,000 events is 413, which the
/// agent answers by splitting it (a 400 would make it quarantine the batch).
/// </summary>
public sealed class AgentBodyRejectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> Cases => new()
    {
        { "/api/v1/enroll", "code", "surrogate" },
        { "/api/v1/enroll", "host", "utf8" },
        { "/api/v1/enroll", "os", "type" },
        { "/api/v1/events", "agent_id", "surrogate" },
        { "/api/v1/events", "events[0].channel", "utf8" },
        { "/api/v1/events", "events[0].computer", "surrogate" },
        { "/api/v1/events", "losses[0].channel", "surrogate" },
        { "/api/v1/events", "sent_at", "type" },
        { "/api/v1/heartbeat", "agent_id", "utf8" },
        { "/api/v1/heartbeat", "inventory.host", "surrogate" },
        { "/api/v1/heartbeat", "inventory.ips[0]", "utf8" },
        { "/api/v1/heartbeat", "spool.last_error", "surrogate" },
        { "/api/v1/heartbeat", "spool.depth_events", "type" },
        { "/api/v1/posture", "antivirus[0].product", "surrogate" },
        { "/api/v1/posture", "antivirus[0].path", "utf8" },
        { "/api/v1/posture", "defender.signature_version", "surrogate" },
        { "/api/v1/posture", "defender.exclusions.paths[0]", "utf8" },
        { "/api/v1/posture", "inventory.cpu", "surrogate" },
        { "/api/v1/posture", "inventory.ram_bytes", "type" },
        { "/api/v1/posture", "certificates[0].subject", "utf8" },
        { "/api/v1/posture", "channels[1].name", "surrogate" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_field_that_is_not_unicode_text_or_of_the_wrong_type_is_400_naming_it_and_stores_nothing(string path, string field, string kind)
    {
        var logs = new RecordingLoggerProvider();
        await using var collector = await TestCollector.StartAsync(logs);
        var (agentId, token, _) = await collector.EnrollAsync();
        var code = await collector.Registry.CreateEnrollmentCodeAsync("xa-sang-moc", TimeSpan.FromHours(1), Ct);
        var template = AgentBodies.Template(path, agentId, code);
        Assert.Contains(field, AgentBodies.Fields(template));
        var body = kind switch
        {
            "surrogate" => AgentBodies.WithString(template, field, "ab\\ud800cd"u8),
            "utf8" => AgentBodies.WithString(template, field, [0x50, 0x43, 0xC3, 0x28, 0xFF]),
            _ => AgentBodies.With(template, field, "{\"x\":[1]}"u8),
        };
        var before = await IngestSnapshot.TakeAsync(collector);
        using var client = collector.Client(path == "/api/v1/enroll" ? null : token);

        using var response = await client.PostAsync(path, AgentBodies.Content(path, body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(field, answer.RootElement.GetProperty("field").GetString());
        Assert.False(string.IsNullOrWhiteSpace(answer.RootElement.GetProperty("error").GetString()));
        Assert.Equal(before, await IngestSnapshot.TakeAsync(collector));
        Assert.Empty(logs.Failures);
        // The untouched body is accepted: the 400 was the field's doing.
        using var valid = await client.PostAsync(path, AgentBodies.Content(path, template), Ct);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
    }

    [Fact]
    public async Task A_batch_of_more_than_5000_events_is_413_so_the_agent_splits_it_and_nothing_is_stored()
    {
        var logs = new RecordingLoggerProvider();
        await using var collector = await TestCollector.StartAsync(logs);
        var (agentId, token, _) = await collector.EnrollAsync();
        using var client = collector.Client(token);
        var events = Enumerable.Range(1, EventBatch.MaxEvents + 1).Select(i => TestEvents.Logon(i)).ToList();

        using var response = await client.PostAsync("/api/v1/events", TestCollector.GzipBatch(new EventBatch(agentId, 1, TestEvents.BaseTime, 0, events)), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("5000", (await response.Content.ReadAsStringAsync(Ct)).Replace(",", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(0, await collector.Store.CountAsync(Ct));
        Assert.Empty(logs.Failures);
        using var fits = await client.PostAsync("/api/v1/events", TestCollector.GzipBatch(new EventBatch(agentId, 1, TestEvents.BaseTime, 0, events[..EventBatch.MaxEvents])), Ct);
        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
    }
}
