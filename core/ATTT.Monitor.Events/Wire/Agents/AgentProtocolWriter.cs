using System.Buffers;
using System.Text.Json;

namespace ATTT.Monitor.Events.Wire.Agents;

/// <summary>Writes the small bodies of docs/protocol.md (what <see cref="AgentProtocolReader"/> reads).</summary>
public static class AgentProtocolWriter
{
    public static byte[] Write(EnrollRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Body(w =>
        {
            Version(w);
            w.WriteString("code", request.Code);
            w.WriteString("host", request.Host);
            Text(w, "os", request.Os);
            Text(w, "agent_version", request.AgentVersion);
        });
    }

    public static byte[] Write(EnrollResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Body(w =>
        {
            w.WriteString("agent_id", response.AgentId);
            w.WriteString("token", response.Token);
            Text(w, "unit", response.Unit);
        });
    }

    public static byte[] Write(Heartbeat heartbeat)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        return Body(w =>
        {
            Version(w);
            w.WriteString("agent_id", heartbeat.AgentId);
            Time(w, "sent_at", heartbeat.SentAt);
            if (heartbeat.Inventory is { } i)
            {
                w.WriteStartObject("inventory");
                Text(w, "host", i.Host);
                Text(w, "os", i.Os);
                Strings(w, "ips", i.IpAddresses);
                Text(w, "agent_version", i.AgentVersion);
                w.WriteEndObject();
            }

            if (heartbeat.Spool is { } s)
            {
                w.WriteStartObject("spool");
                Number(w, "depth_events", s.DepthEvents);
                Number(w, "depth_bytes", s.DepthBytes);
                Number(w, "dropped_total", s.DroppedTotal);
                Text(w, "last_error", s.LastError);
                w.WriteEndObject();
            }
        });
    }

    public static byte[] Write(PostureReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Body(w =>
        {
            Version(w);
            w.WriteString("agent_id", report.AgentId);
            Time(w, "observed_at", report.ObservedAt);
            w.WriteStartArray("antivirus");
            foreach (var av in report.Antivirus)
            {
                w.WriteStartObject();
                w.WriteString("product", av.Product);
                Number(w, "product_state", av.ProductState);
                w.WriteBoolean("enabled", av.Enabled);
                w.WriteBoolean("realtime", av.Realtime);
                Bool(w, "definitions_up_to_date", av.DefinitionsUpToDate);
                Text(w, "path", av.Path);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (report.Defender is { } d)
                PostureWriter.Defender(w, d);
            else
                w.WriteNull("defender");
            if (report.Inventory is { } inventory)
                PostureWriter.Inventory(w, inventory);
            if (report.Certificates is { } certificates)
                PostureWriter.Certificates(w, certificates);
            if (report.Channels is { } channels)
                PostureWriter.Channels(w, channels);
        });
    }

    internal static byte[] Body(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Version(Utf8JsonWriter w) => w.WriteNumber("v", EventBatch.ProtocolVersion);

    internal static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
            w.WriteNull(name);
        else
            w.WriteString(name, value);
    }

    internal static void Number(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } n)
            w.WriteNumber(name, n);
        else
            w.WriteNull(name);
    }

    internal static void Bool(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is { } b)
            w.WriteBoolean(name, b);
        else
            w.WriteNull(name);
    }

    internal static void Time(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } t)
            w.WriteString(name, EventTime.Format(t));
        else
            w.WriteNull(name);
    }

    internal static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
            w.WriteStringValue(value);
        w.WriteEndArray();
    }
}
