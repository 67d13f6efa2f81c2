using System.Text.Json;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Collector.Posture;

/// <summary>Reads posture bodies strictly, naming the field at fault; unknown properties are ignored.</summary>
public static class PostureJson
{
    public static PostureReport Read(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw new PostureFormatException("", $"The body is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new PostureFormatException("", "The body must be a JSON object.");
            if (!root.TryGetProperty("v", out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var version) || version != 1)
                throw new PostureFormatException("v", "unsupported protocol version");
            var agentId = RequiredString(root, "agent_id", "agent_id");
            var observed = Time(root, "observed_at", "observed_at") ?? throw new PostureFormatException("observed_at", "observed_at is required.");
            if (!root.TryGetProperty("antivirus", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new PostureFormatException("antivirus", "antivirus must be an array (empty when no product is registered).");
            var products = new List<AntivirusProduct>();
            var i = 0;
            foreach (var item in list.EnumerateArray())
            {
                var at = $"antivirus[{i++}]";
                if (item.ValueKind != JsonValueKind.Object)
                    throw new PostureFormatException(at, $"{at} must be an object.");
                if (products.Count >= 32)
                    throw new PostureFormatException("antivirus", "antivirus lists more than 32 products.");
                products.Add(new AntivirusProduct(
                    RequiredString(item, "product", at + ".product"),
                    item.TryGetProperty("product_state", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var state) ? state : null,
                    Bool(item, "enabled", at + ".enabled") ?? false,
                    Bool(item, "realtime", at + ".realtime") ?? false,
                    Bool(item, "definitions_up_to_date", at + ".definitions_up_to_date"),
                    OptionalString(item, "path", at + ".path")));
            }

            DefenderStatus? defender = null;
            if (root.TryGetProperty("defender", out var d) && d.ValueKind != JsonValueKind.Null)
            {
                if (d.ValueKind != JsonValueKind.Object)
                    throw new PostureFormatException("defender", "defender must be an object or null.");
                defender = new DefenderStatus(
                    Bool(d, "service_running", "defender.service_running"),
                    Bool(d, "realtime_protection", "defender.realtime_protection"),
                    Bool(d, "antivirus_enabled", "defender.antivirus_enabled"),
                    OptionalString(d, "signature_version", "defender.signature_version"),
                    Time(d, "signature_updated_at", "defender.signature_updated_at"),
                    Number(d, "signature_age_days", "defender.signature_age_days"),
                    Time(d, "last_quick_scan_at", "defender.last_quick_scan_at"),
                    Time(d, "last_full_scan_at", "defender.last_full_scan_at"),
                    Bool(d, "tamper_protection", "defender.tamper_protection"));
            }

            return new PostureReport(agentId, observed, products, defender);
        }
    }

    private static string RequiredString(JsonElement e, string name, string field) =>
        OptionalString(e, name, field) is { Length: > 0 } s ? s : throw new PostureFormatException(field, $"{field} is required.");

    private static string? OptionalString(JsonElement e, string name, string field)
    {
        if (!e.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null)
            return null;
        if (p.ValueKind != JsonValueKind.String)
            throw new PostureFormatException(field, $"{field} must be a string.");
        var text = p.GetString()!;
        return text.Length <= 500 ? text : throw new PostureFormatException(field, $"{field} is longer than 500 characters.");
    }

    private static bool? Bool(JsonElement e, string name, string field)
    {
        if (!e.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null)
            return null;
        return p.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new PostureFormatException(field, $"{field} must be true, false or null."),
        };
    }

    private static double? Number(JsonElement e, string name, string field)
    {
        if (!e.TryGetProperty(name, out var p) || p.ValueKind == JsonValueKind.Null)
            return null;
        return p.ValueKind == JsonValueKind.Number && p.TryGetDouble(out var n) && double.IsFinite(n)
            ? n
            : throw new PostureFormatException(field, $"{field} must be a number.");
    }

    private static DateTimeOffset? Time(JsonElement e, string name, string field)
    {
        var text = OptionalString(e, name, field);
        if (text is null)
            return null;
        return EventTime.TryParse(text, out var t) ? t : throw new PostureFormatException(field, $"{field} is not an ISO 8601 time.");
    }
}
