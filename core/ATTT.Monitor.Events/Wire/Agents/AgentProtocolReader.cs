using System.Text.Json;

namespace ATTT.Monitor.Events.Wire.Agents;

/// <summary>
/// Reads the small bodies of docs/protocol.md: enrollment (request and answer), heartbeat and
/// posture. Bodies come from the network: every problem is a <see cref="WireFormatException"/> whose
/// <see cref="WireFormatException.Field"/> names the field at fault (<c>certificates[2].not_after</c>),
/// never another exception type, so the collector answers 400 naming it.
/// </summary>
public static class AgentProtocolReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    public static EnrollRequest ReadEnroll(ReadOnlyMemory<byte> body) => Read(body, o => new EnrollRequest(
        o.RequiredString("code"), o.RequiredString("host"), o.String("os"), o.String("agent_version")));

    public static EnrollResponse ReadEnrollResponse(ReadOnlyMemory<byte> body)
    {
        using var document = Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new WireFormatException("", "The body must be a JSON object.");
        // The answer carries no "v": its version is the path's (/api/v1/enroll).
        var o = WireObject.Unversioned(document);
        return new EnrollResponse(o.RequiredString("agent_id"), o.RequiredString("token"), o.String("unit"));
    }

    public static Heartbeat ReadHeartbeat(ReadOnlyMemory<byte> body) => Read(body, o => new Heartbeat(
        o.RequiredString("agent_id"),
        o.Time("sent_at"),
        o.Object("inventory") is { } i
            ? new HeartbeatInventory(i.String("host"), i.String("os"), i.Strings("ips", Heartbeat.MaxAddresses, 64) ?? [], i.String("agent_version"))
            : null,
        o.Object("spool") is { } s
            ? new HeartbeatSpool(s.Count("depth_events"), s.Count("depth_bytes"), s.Count("dropped_total"), s.String("last_error"))
            : null));

    public static PostureReport ReadPosture(ReadOnlyMemory<byte> body) => Read(body, PostureReader.Read);

    private static T Read<T>(ReadOnlyMemory<byte> body, Func<WireObject, T> read)
    {
        using var document = Parse(body);
        return read(WireObject.Root(document));
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body, Options);
        }
        catch (JsonException ex)
        {
            throw new WireFormatException("", $"The body is not valid JSON: {ex.Message}");
        }
    }
}
