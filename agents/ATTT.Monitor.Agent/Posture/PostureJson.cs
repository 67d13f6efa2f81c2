using System.Text.Json;
using ATTT.Monitor.Agent.Transport;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Agent.Posture;

/// <summary>The body of <c>POST /api/v1/posture</c> (docs/protocol.md).</summary>
internal static class PostureJson
{
    public static byte[] Write(string agentId, DateTimeOffset observedAt, PostureReport report) => ProtocolBodies.Write(w =>
    {
        w.WriteNumber("v", 1);
        w.WriteString("agent_id", agentId);
        w.WriteString("observed_at", EventTime.Format(observedAt));
        w.WriteStartArray("antivirus");
        foreach (var av in report.Antivirus)
        {
            w.WriteStartObject();
            w.WriteString("product", av.Product);
            w.WriteNumber("product_state", av.ProductState);
            w.WriteBoolean("enabled", av.Enabled);
            w.WriteBoolean("realtime", av.Realtime);
            w.WriteBoolean("definitions_up_to_date", av.DefinitionsUpToDate);
            Text(w, "path", av.Path);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (report.Defender is not { } d)
        {
            w.WriteNull("defender");
            return;
        }

        w.WriteStartObject("defender");
        Bool(w, "service_running", d.ServiceRunning);
        Bool(w, "realtime_protection", d.RealtimeProtection);
        Bool(w, "antivirus_enabled", d.AntivirusEnabled);
        Text(w, "signature_version", d.SignatureVersion);
        Time(w, "signature_updated_at", d.SignatureUpdatedAt);
        if (d.SignatureAgeDays is { } age)
            w.WriteNumber("signature_age_days", age);
        else
            w.WriteNull("signature_age_days");
        Time(w, "last_quick_scan_at", d.LastQuickScanAt);
        Time(w, "last_full_scan_at", d.LastFullScanAt);
        Bool(w, "tamper_protection", d.TamperProtection);
        w.WriteEndObject();
    });

    private static void Bool(Utf8JsonWriter w, string name, bool? value)
    {
        if (value is { } b)
            w.WriteBoolean(name, b);
        else
            w.WriteNull(name);
    }

    private static void Text(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
            w.WriteNull(name);
        else
            w.WriteString(name, value);
    }

    private static void Time(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } t)
            w.WriteString(name, EventTime.Format(t));
        else
            w.WriteNull(name);
    }
}
