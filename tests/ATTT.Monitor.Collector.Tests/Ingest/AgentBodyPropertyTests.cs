using System.Net;
using System.Text;
using System.Text.Json;
using ATTT.Monitor.Collector.Tests.Support;
using CsCheck;

namespace ATTT.Monitor.Collector.Tests.Ingest;

/// <summary>
/// Arbitrary bytes in any field of any agent call, posted to one real collector: the answer is never
/// a 5xx and nothing is logged with a stack trace; when the bytes cannot be Unicode text (a raw byte
/// that is not UTF-8, or a lone surrogate) the answer is 4xx and nothing is stored.
/// </summary>
public sealed class AgentBodyPropertyTests
{
    private static readonly string[] Unlimited =
        ["--Ingest:RequestsPerSecond=1000000", "--Ingest:RequestBurst=1000000", "--Ingest:EnrollPerMinute=1000000"];

    /// <summary>Bytes that make any JSON value invalid text: raw non-UTF-8 or a lone surrogate escape.</summary>
    private static readonly Gen<byte[]> Poison = Gen.OneOfConst<byte[]>([0xFF], [0xC3, 0x28], [0xC0, 0x80], [0xE2, 0x82], [0xED, 0xA0, 0x80], "\\ud800"u8.ToArray(), "\\udfff"u8.ToArray());

    [Fact]
    public async Task Text_that_is_not_unicode_in_any_field_is_always_4xx_and_stores_nothing()
    {
        var logs = new RecordingLoggerProvider();
        await using var collector = await TestCollector.StartAsync(logs, Unlimited);
        var (agentId, token, _) = await collector.EnrollAsync();
        var code = await collector.Registry.CreateEnrollmentCodeAsync("xa-sang-moc", TimeSpan.FromHours(1), CancellationToken.None);
        var bodies = AgentBodies.Paths.Select(p => (Path: p, Body: AgentBodies.Template(p, agentId, code))).ToArray();
        var before = await IngestSnapshot.TakeAsync(collector);
        using var agent = collector.Client(token);
        using var anonymous = collector.Client();
        // Content bytes without a backslash, so the poison's escape cannot be escaped away.
        var content = Gen.Byte.Where(b => b != (byte)'\\').Array[0, 12];
        // A tail that starts with a continuation byte would complete a truncated poison (E2 82 + 9F is U+209F).
        var tails = content.Where(t => t.Length == 0 || t[0] is < 0x80 or > 0xBF);
        var cases = Gen.Int[0, bodies.Length - 1]
            .SelectMany(b => Gen.OneOfConst([.. AgentBodies.Fields(bodies[b].Body)]).Select(f => (Body: b, Field: f)))
            .SelectMany(c => Gen.Select(content, Poison, tails).Select((head, poison, tail) =>
                (c.Body, c.Field, Raw: (byte[])[(byte)'"', .. head, .. poison, .. tail, (byte)'"'])));

        await cases.SampleAsync(async c =>
        {
            var (path, body) = bodies[c.Body];
            var client = path == "/api/v1/enroll" ? anonymous : agent;
            using var response = await client.PostAsync(path, AgentBodies.Content(path, AgentBodies.With(body, c.Field, c.Raw)));
            var status = (int)response.StatusCode;
            Assert.True(status is >= 400 and < 500, $"{path} {c.Field}: {status}");
            if (response.StatusCode == HttpStatusCode.BadRequest)
                Assert.True(HasField(await response.Content.ReadAsStringAsync()), $"{path} {c.Field}: no field named");
        }, iter: 400, threads: 1, print: c => $"{bodies[c.Body].Path} {c.Field} = {Convert.ToHexString(c.Raw)}");

        Assert.Equal(before, await IngestSnapshot.TakeAsync(collector));
        Assert.Empty(logs.Failures);
    }

    [Fact]
    public async Task Arbitrary_bytes_in_place_of_any_field_never_get_a_5xx_nor_a_logged_stack_trace()
    {
        var logs = new RecordingLoggerProvider();
        await using var collector = await TestCollector.StartAsync(logs, Unlimited);
        var (agentId, token, _) = await collector.EnrollAsync();
        using var agent = collector.Client(token);
        using var anonymous = collector.Client();
        var path = Gen.OneOfConst(AgentBodies.Paths);
        // A fresh code per enrollment attempt would be needed for a valid one to succeed; an unknown code is a 401.
        var bodies = AgentBodies.Paths.ToDictionary(p => p, p => AgentBodies.Template(p, agentId, "K7QF-93XD-PLM2"));
        var cases = path.SelectMany(p => Gen.OneOfConst([.. AgentBodies.Fields(bodies[p])]).Select(f => (Path: p, Field: f)))
            .SelectMany(c => Gen.Byte.Array[0, 16].Select(raw => (c.Path, c.Field, Raw: raw)));

        await cases.SampleAsync(async c =>
        {
            var client = c.Path == "/api/v1/enroll" ? anonymous : agent;
            using var response = await client.PostAsync(c.Path, AgentBodies.Content(c.Path, AgentBodies.With(bodies[c.Path], c.Field, c.Raw)));
            Assert.True((int)response.StatusCode < 500, $"{c.Path} {c.Field}: {(int)response.StatusCode}");
        }, iter: 400, threads: 1, print: c => $"{c.Path} {c.Field} = {Convert.ToHexString(c.Raw)}");

        Assert.Empty(logs.Failures);
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("   at ", StringComparison.Ordinal));
    }

    private static bool HasField(string answer)
    {
        using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(answer));
        return document.RootElement.TryGetProperty("field", out var field) && field.ValueKind == JsonValueKind.String;
    }
}
