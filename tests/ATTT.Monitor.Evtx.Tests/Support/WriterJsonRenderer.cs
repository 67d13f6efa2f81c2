using System.Globalization;
using System.Text.Json;
using ATTT.Monitor.Events;
using ATTT.Monitor.Evtx.Rendering;

namespace ATTT.Monitor.Evtx.Tests.Support;

/// <summary>
/// The JSON renderer as it was before records were written through <see cref="JsonEmitter"/>: every
/// token through a <see cref="Utf8JsonWriter"/> (with the dump's options). Kept here as the reference
/// the emitter's bytes are compared with.
/// </summary>
internal static class WriterJsonRenderer
{
    private const int MaxHashedKeys = 64;
    private const int PlainLimit = 256;

    public static void Write(XmlNode root, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(root.Name);
        WriteNode(root, writer, withAttributes: true);
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteNode(XmlNode node, Utf8JsonWriter writer, bool withAttributes)
    {
        var attributes = withAttributes && !node.Attributes.IsEmpty;
        if (!attributes && node.Children.IsEmpty)
        {
            WriteValue(node.Text, node.TextKind, writer);
            return;
        }

        writer.WriteStartObject();
        if (attributes)
        {
            writer.WriteStartObject("#attributes");
            foreach (var a in node.Attributes)
            {
                writer.WritePropertyName(a.Name);
                WriteValue(a.Value, a.Kind, writer);
            }

            writer.WriteEndObject();
        }

        WriteChildren(node, writer);
        if (node.Text is not null)
        {
            writer.WritePropertyName("#text");
            WriteValue(node.Text, node.TextKind, writer);
        }

        writer.WriteEndObject();
    }

    private static void WriteChildren(XmlNode node, Utf8JsonWriter writer)
    {
        // Keys written so far, by hash: a repeated key is rare, so the exact set is only built
        // when a hash repeats (or there are very many keys), not once per element of every record.
        Span<int> hashes = stackalloc int[MaxHashedKeys];
        var hashed = 0;
        HashSet<string>? used = null;
        var unnamedData = 0;
        XmlNode? firstUnnamed = null;
        var children = node.Children;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            var key = KeyOf(child, out var dataName);
            if (key is null)
            {
                unnamedData++;
                firstUnnamed ??= child;
                continue;
            }

            writer.WritePropertyName(Unique(key, children[..i], hashes, ref hashed, ref used));
            WriteNode(child, writer, withAttributes: dataName is null);
        }

        if (firstUnnamed is null)
            return;
        writer.WritePropertyName(Unique("Data", children, hashes, ref hashed, ref used));
        if (unnamedData == 1)
        {
            WriteNode(firstUnnamed, writer, withAttributes: true);
            return;
        }

        writer.WriteStartObject();
        writer.WriteStartArray("#text");
        foreach (var d in children)
        {
            if (KeyOf(d, out _) is null)
                WriteValue(d.Text, d.TextKind, writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The JSON key of a child: its Data Name, else its element name; null for an unnamed Data.</summary>
    private static string? KeyOf(XmlNode child, out string? dataName)
    {
        dataName = null;
        if (child.Name != "Data")
            return child.Name;
        dataName = child.AttributeValue("Name");
        return dataName;
    }

    private static string Unique(string key, ReadOnlySpan<XmlNode> before, Span<int> hashes, ref int hashed, ref HashSet<string>? used)
    {
        if (used is null)
        {
            var hash = key.GetHashCode(StringComparison.Ordinal);
            if (hashed < hashes.Length && !hashes[..hashed].Contains(hash))
            {
                hashes[hashed++] = hash;
                return key;
            }

            // Until now every key was written as it is; collect them to decide exactly.
            used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var b in before)
            {
                if (KeyOf(b, out _) is { } written)
                    used.Add(written);
            }
        }

        return UniqueKey(key, used);
    }

    private static string UniqueKey(string key, HashSet<string> used)
    {
        if (used.Add(key))
            return key;
        for (var i = 1; ; i++)
        {
            var candidate = key + "_" + i.ToString(CultureInfo.InvariantCulture);
            if (used.Add(candidate))
                return candidate;
        }
    }

    private static void WriteValue(string? text, EventValueKind kind, Utf8JsonWriter writer)
    {
        if (text is null)
        {
            writer.WriteNullValue();
            return;
        }

        switch (kind)
        {
            case EventValueKind.Integer when IsJsonInteger(text):
                writer.WriteRawValue(text, skipInputValidation: true);
                break;
            case EventValueKind.Float when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case EventValueKind.Boolean:
                writer.WriteBooleanValue(text == "true");
                break;
            default:
                WriteString(text, writer);
                break;
        }
    }

    /// <summary>
    /// Writes a string value. Most are short printable ASCII without any of the characters a
    /// JavaScriptEncoder escapes (<c>" \ &amp; ' + &lt; &gt; `</c>; the relaxed encoder escapes fewer still),
    /// and those are written as they are, without the encoder's search, which in a one-shot dump runs
    /// as unoptimised code for most of the run. Anything else goes through the writer as before.
    /// </summary>
    private static void WriteString(string text, Utf8JsonWriter writer)
    {
        if (text.Length <= PlainLimit)
        {
            Span<byte> utf8 = stackalloc byte[PlainLimit + 2];
            utf8[0] = (byte)'"';
            var i = 0;
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (c < 0x20 || c > 0x7e || c is '"' or '\\' or '&' or '\'' or '+' or '<' or '>' or '`')
                    break;
                utf8[i + 1] = (byte)c;
            }

            if (i == text.Length)
            {
                utf8[i + 1] = (byte)'"';
                writer.WriteRawValue(utf8[..(i + 2)], skipInputValidation: true);
                return;
            }
        }

        writer.WriteStringValue(text);
    }

    private static bool IsJsonInteger(string text)
    {
        var start = text.Length > 0 && text[0] == '-' ? 1 : 0;
        if (text.Length == start)
            return false;
        for (var i = start; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
                return false;
        }

        return true;
    }
}
