using System.Globalization;
using System.Text.Json;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Evtx.Rendering;

/// <summary>
/// Renders a record in the JSON shape of the SigmaHQ regression data: an element without
/// attributes or children becomes its value (null when empty); attributes go under
/// <c>#attributes</c>, text beside children or attributes under <c>#text</c>;
/// <c>&lt;Data Name="X"&gt;v&lt;/Data&gt;</c> becomes <c>"X": v</c>; numbers and booleans stay typed.
/// Unnamed Data elements become <c>"Data": v</c>, or <c>"Data": {"#text": [v1, v2]}</c> when
/// there are several. A repeated key gets a suffix <c>_1</c>, <c>_2</c>, … so no value is lost.
/// The <c>#text</c> array for several unnamed Data elements is what the tool that made the SigmaHQ
/// regression data (the evtx crate's JSON output) writes, so rules and tools written against that
/// data read our dumps the same way; Windows itself only has the XML form.
/// </summary>
internal static class JsonRenderer
{
    private const int MaxHashedKeys = 64;

    /// <summary>Writes the record as one compact JSON object into <paramref name="writer"/> (cleared first).</summary>
    public static void Write(XmlNode root, JsonEmitter writer)
    {
        writer.Clear();
        writer.WriteStartObject();
        writer.WritePropertyName(root.Name);
        WriteNode(root, writer, withAttributes: true);
        writer.WriteEndObject();
    }

    /// <summary>Writes the record as one compact JSON value through a caller's <see cref="Utf8JsonWriter"/>.</summary>
    public static void Write(XmlNode root, Utf8JsonWriter writer)
    {
        using var emitter = new JsonEmitter();
        Write(root, emitter);
        writer.WriteRawValue(emitter.Written, skipInputValidation: true);
        writer.Flush();
    }

    private static void WriteNode(XmlNode node, JsonEmitter writer, bool withAttributes)
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

    private static void WriteChildren(XmlNode node, JsonEmitter writer)
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
            if (hashed < hashes.Length && !Contains(hashes[..hashed], hash))
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

    // A loop, not MemoryExtensions.Contains: that generic instantiation is not precompiled in the
    // framework, so a one-shot dump ran it as unoptimised first-tier code.
    private static bool Contains(ReadOnlySpan<int> hashes, int hash)
    {
        foreach (var h in hashes)
        {
            if (h == hash)
                return true;
        }

        return false;
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

    private static void WriteValue(string? text, EventValueKind kind, JsonEmitter writer)
    {
        if (text is null)
        {
            writer.WriteNullValue();
            return;
        }

        switch (kind)
        {
            case EventValueKind.Integer when IsJsonInteger(text):
                writer.WriteAscii(text);
                break;
            case EventValueKind.Float when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case EventValueKind.Boolean:
                writer.WriteBooleanValue(text == "true");
                break;
            default:
                writer.WriteStringValue(text);
                break;
        }
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
