using System.Globalization;
using System.Xml;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Agent.Sources;

/// <summary>
/// Turns the XML that the Windows event API renders (<c>EventRecord.ToXml()</c>) into an
/// <see cref="EventRecord"/> shaped like the EVTX reader's: GUIDs upper-case without braces,
/// EventData leaves by their <c>Name</c> (empty for unnamed <c>Data</c>), UserData leaves by element
/// name. The XML is attacker-influenced: DTDs are refused and sizes bounded.
/// </summary>
public static class EventXmlParser
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 4 * 1024 * 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
    };

    /// <summary>
    /// Parses one event. <paramref name="typedValues"/> (the API's <c>Properties</c> values, in order)
    /// lets numbers and booleans keep their type when they line up one to one with the payload fields.
    /// </summary>
    public static EventRecord Parse(string xml, IReadOnlyList<object?>? typedValues = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var reader = XmlReader.Create(new StringReader(xml), Settings);
        var system = new Dictionary<string, string?>(StringComparer.Ordinal);
        var fields = new List<EventField>();
        var payload = EventPayloadKind.None;
        string? userDataName = null;
        try
        {
            if (!reader.ReadToFollowing("Event"))
                throw new FormatException("The event XML has no <Event> element.");
            ReadChildren(reader, 1, system, fields, ref payload, ref userDataName);
        }
        catch (XmlException ex)
        {
            throw new FormatException($"The event XML is not well formed: {ex.Message}", ex);
        }

        if (typedValues is not null && typedValues.Count == fields.Count)
        {
            for (var i = 0; i < fields.Count; i++)
                fields[i] = fields[i] with { Kind = KindOf(typedValues[i], fields[i]) };
        }

        return Build(system, fields, payload, userDataName);
    }

    private static void ReadChildren(XmlReader reader, int depth, Dictionary<string, string?> system, List<EventField> fields,
        ref EventPayloadKind payload, ref string? userDataName)
    {
        if (reader.IsEmptyElement)
            return;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement)
                return;
            if (reader.NodeType != XmlNodeType.Element)
                continue;
            var name = reader.LocalName;
            if (depth == 1 && name == "System")
                ReadSystem(reader, system);
            else if (depth == 1 && name == "EventData")
            {
                payload = EventPayloadKind.EventData;
                ReadEventData(reader, fields);
            }
            else if (depth == 1 && name == "UserData")
            {
                payload = EventPayloadKind.UserData;
                ReadUserData(reader, fields, ref userDataName);
            }
            else
                reader.Skip();
        }
    }

    private static void ReadSystem(XmlReader reader, Dictionary<string, string?> system)
    {
        using var sub = reader.ReadSubtree();
        sub.Read();
        sub.Read();
        while (!sub.EOF)
        {
            if (sub.NodeType != XmlNodeType.Element || sub.Depth != 1)
            {
                sub.Read();
                continue;
            }

            var element = sub.LocalName;
            while (sub.MoveToNextAttribute())
            {
                if (sub.Prefix != "xmlns" && sub.LocalName != "xmlns")
                    system[element + "@" + sub.LocalName] = sub.Value;
            }

            sub.MoveToElement();
            if (sub.IsEmptyElement)
                sub.Read();
            else
                system[element] = sub.ReadElementContentAsString(); // moves to the next node itself
        }
    }

    private static void ReadEventData(XmlReader reader, List<EventField> fields)
    {
        using var sub = reader.ReadSubtree();
        sub.Read();
        sub.Read();
        while (!sub.EOF)
        {
            if (sub.NodeType != XmlNodeType.Element || sub.Depth != 1)
            {
                sub.Read();
                continue;
            }

            var name = sub.LocalName == "Data" ? sub.GetAttribute("Name") ?? "" : sub.LocalName;
            fields.Add(LeafValue(sub, name));
        }
    }

    private static void ReadUserData(XmlReader reader, List<EventField> fields, ref string? userDataName)
    {
        if (reader.IsEmptyElement)
            return;
        while (reader.Read() && reader.NodeType != XmlNodeType.EndElement)
        {
            if (reader.NodeType != XmlNodeType.Element)
                continue;
            userDataName ??= reader.LocalName;
            if (reader.IsEmptyElement)
                continue;
            while (reader.Read() && reader.NodeType != XmlNodeType.EndElement)
            {
                if (reader.NodeType == XmlNodeType.Element)
                    ReadUserDataLeaves(reader, fields);
            }
        }
    }

    /// <summary>Adds the leaves under the current element (itself if it is a leaf), named by element.</summary>
    private static void ReadUserDataLeaves(XmlReader reader, List<EventField> fields)
    {
        var name = reader.LocalName;
        if (reader.IsEmptyElement)
        {
            fields.Add(new EventField(name, null, EventValueKind.Null));
            return;
        }

        var text = new System.Text.StringBuilder();
        var hasChildren = false;
        while (reader.Read() && reader.NodeType != XmlNodeType.EndElement)
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                hasChildren = true;
                ReadUserDataLeaves(reader, fields);
            }
            else if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                text.Append(reader.Value);
            }
        }

        if (!hasChildren)
            fields.Add(text.Length == 0 ? new EventField(name, null, EventValueKind.Null) : new EventField(name, text.ToString()));
    }

    private static EventField LeafValue(XmlReader reader, string name)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return new EventField(name, null, EventValueKind.Null);
        }

        var text = reader.ReadElementContentAsString();
        return text.Length == 0 ? new EventField(name, null, EventValueKind.Null) : new EventField(name, text);
    }

    private static EventValueKind KindOf(object? value, EventField field) => value switch
    {
        null => field.Kind,
        bool => EventValueKind.Boolean,
        byte or sbyte or short or ushort or int or uint or long or ulong
            when long.TryParse(field.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) => EventValueKind.Integer,
        _ => field.Kind,
    };

    private static EventRecord Build(Dictionary<string, string?> s, List<EventField> fields, EventPayloadKind payload, string? userDataName) => new()
    {
        Provider = Get(s, "Provider@Name") ?? "",
        ProviderGuid = Guid(Get(s, "Provider@Guid")),
        EventSourceName = Get(s, "Provider@EventSourceName"),
        EventId = Int(Get(s, "EventID")) ?? 0,
        Qualifiers = Int(Get(s, "EventID@Qualifiers")),
        Version = Int(Get(s, "Version")),
        Level = Int(Get(s, "Level")),
        Task = Int(Get(s, "Task")),
        Opcode = Int(Get(s, "Opcode")),
        Keywords = Get(s, "Keywords"),
        TimeCreated = EventTime.TryParse(Get(s, "TimeCreated@SystemTime"), out var t) ? t : DateTimeOffset.UnixEpoch,
        RecordId = long.TryParse(Get(s, "EventRecordID"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : 0,
        ActivityId = Guid(Get(s, "Correlation@ActivityID")),
        RelatedActivityId = Guid(Get(s, "Correlation@RelatedActivityID")),
        ProcessId = Int(Get(s, "Execution@ProcessID")),
        ThreadId = Int(Get(s, "Execution@ThreadID")),
        Channel = Get(s, "Channel") ?? "",
        Computer = Get(s, "Computer") ?? "",
        UserId = Get(s, "Security@UserID"),
        PayloadKind = payload,
        UserDataName = userDataName,
        Fields = fields,
    };

    private static string? Get(Dictionary<string, string?> s, string key) =>
        s.TryGetValue(key, out var v) && !string.IsNullOrEmpty(v) ? v : null;

    private static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
        : uint.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var u) ? unchecked((int)u) : null;

    private static string? Guid(string? text) =>
        text is { Length: 38 } && text[0] == '{' && text[^1] == '}' ? text[1..^1].ToUpperInvariant() : text?.ToUpperInvariant();
}
