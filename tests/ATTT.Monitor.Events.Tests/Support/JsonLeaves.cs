using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ATTT.Monitor.Events.Tests.Support;

/// <summary>
/// Every value of a JSON body with its field name as the protocol readers name it
/// (<c>inventory.disks[0].drive</c>), and the body rewritten with one value replaced by raw bytes.
/// </summary>
internal static class JsonLeaves
{
    public static List<string> Paths(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var paths = new List<string>();
        Walk(document.RootElement, "", paths);
        return paths;
    }

    /// <summary>The body with the value at <paramref name="path"/> replaced by <paramref name="raw"/>, byte for byte.</summary>
    public static byte[] Replace(byte[] body, string path, byte[] raw)
    {
        const string Marker = "\u0001MARKER\u0001";
        using var document = JsonDocument.Parse(body);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            Write(writer, document.RootElement, "", path, Marker);
        var text = buffer.WrittenSpan.ToArray();
        var marker = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Marker));
        var at = text.AsSpan().IndexOf(marker);
        return [.. text[..at], .. raw, .. text[(at + marker.Length)..]];
    }

    /// <summary>
    /// True when <paramref name="field"/> names <paramref name="path"/> itself, the element or object
    /// holding it (a <c>[name, value]</c> pair is named as a whole), or a part of it (the first bad entry of a list).
    /// </summary>
    public static bool Names(string field, string path) =>
        field == path || field.Length > 0 && (Within(path, field) || Within(field, path));

    private static bool Within(string inner, string outer) =>
        inner.StartsWith(outer + ".", StringComparison.Ordinal) || inner.StartsWith(outer + "[", StringComparison.Ordinal);

    private static void Walk(JsonElement e, string path, List<string> paths)
    {
        if (path.Length > 0)
            paths.Add(path);
        if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
                Walk(p.Value, Join(path, p.Name), paths);
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in e.EnumerateArray())
                Walk(item, $"{path}[{i++}]", paths);
        }
    }

    private static void Write(Utf8JsonWriter w, JsonElement e, string path, string target, string marker)
    {
        if (path == target)
        {
            w.WriteStringValue(marker);
            return;
        }

        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                w.WriteStartObject();
                foreach (var p in e.EnumerateObject())
                {
                    w.WritePropertyName(p.Name);
                    Write(w, p.Value, Join(path, p.Name), target, marker);
                }

                w.WriteEndObject();
                break;
            case JsonValueKind.Array:
                w.WriteStartArray();
                var i = 0;
                foreach (var item in e.EnumerateArray())
                    Write(w, item, $"{path}[{i++}]", target, marker);
                w.WriteEndArray();
                break;
            default:
                e.WriteTo(w);
                break;
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;
}
