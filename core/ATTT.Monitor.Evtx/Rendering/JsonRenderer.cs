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
        var attributes = withAttributes && node.Attributes.Count > 0;
        if (!attributes && node.Children.Count == 0)
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
        HashSet<string>? used = null;
        List<XmlNode>? unnamedData = null;
        foreach (var child in node.Children)
        {
            var dataName = child.Name == "Data" ? child.AttributeValue("Name") : null;
            if (child.Name == "Data" && dataName is null)
            {
                (unnamedData ??= []).Add(child);
                continue;
            }

            used ??= new HashSet<string>(StringComparer.Ordinal);
            writer.WritePropertyName(UniqueKey(dataName ?? child.Name, used));
            WriteNode(child, writer, withAttributes: dataName is null);
        }

        if (unnamedData is null)
            return;
        writer.WritePropertyName(UniqueKey("Data", used ?? []));
        if (unnamedData.Count == 1)
        {
            WriteNode(unnamedData[0], writer, withAttributes: true);
            return;
        }

        writer.WriteStartObject();
        writer.WriteStartArray("#text");
        foreach (var d in unnamedData)
            WriteValue(d.Text, d.TextKind, writer);
        writer.WriteEndArray();
        writer.WriteEndObject();
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
