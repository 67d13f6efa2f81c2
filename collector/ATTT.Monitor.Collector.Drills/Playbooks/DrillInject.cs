using System.Text.Json;
using System.Text.Json.Nodes;
using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Wire;

namespace ATTT.Monitor.Collector.Playbooks;

/// <summary>
/// A synthetic event sent through the real ingest path during a drill, <see cref="After"/> the
/// drill starts, from an internal drill agent of host <see cref="Host"/>. The event is kept as a
/// wire EVENT (docs/protocol.md) without its time, which is set when it is sent. Injects are only
/// ever sent by agents enrolled as drill agents, so everything they cause is marked as drill.
/// </summary>
public sealed record DrillInject(string Description, TimeSpan After, string Host, string EventJson)
{
    /// <summary>The event to send at <paramref name="time"/>; throws <see cref="WireFormatException"/> if the template is not a valid EVENT.</summary>
    public EventRecord ToEvent(DateTimeOffset time, long recordId)
    {
        var node = JsonNode.Parse(EventJson)!.AsObject();
        node["time"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        node["record_id"] = recordId;
        if (node["computer"] is null)
            node["computer"] = Host;
        return EventWireReader.ReadEvent(System.Text.Encoding.UTF8.GetBytes(node.ToJsonString()), "event");
    }
}
