namespace ATTT.Monitor.Events;

/// <summary>
/// A Windows event, whatever it was read from (the Windows event API, an EVTX file, a JSON line,
/// the wire). System fields are typed properties; EventData/UserData values are an ordered list of
/// <see cref="EventField"/>. Every field is reachable by its Sigma name through
/// <see cref="TryGetField"/>.
/// </summary>
public sealed class EventRecord : IFieldLookup
{
    private static readonly IReadOnlyList<EventField> NoFields = [];

    public string Provider { get; init; } = "";
    public string? ProviderGuid { get; init; }
    public string? EventSourceName { get; init; }
    public int EventId { get; init; }
    public int? Qualifiers { get; init; }
    public int? Version { get; init; }
    public int? Level { get; init; }
    public int? Task { get; init; }
    public int? Opcode { get; init; }

    /// <summary>As Windows renders it: lower-case hex with a 0x prefix, e.g. <c>0x8020000000000000</c>.</summary>
    public string? Keywords { get; init; }

    public DateTimeOffset TimeCreated { get; init; }
    public long RecordId { get; init; }
    public string? ActivityId { get; init; }
    public string? RelatedActivityId { get; init; }
    public int? ProcessId { get; init; }
    public int? ThreadId { get; init; }
    public string Channel { get; init; } = "";
    public string Computer { get; init; } = "";

    /// <summary>The SID in System/Security/@UserID, if any.</summary>
    public string? UserId { get; init; }

    public EventPayloadKind PayloadKind { get; init; }

    /// <summary>For UserData, the name of its single child element (e.g. <c>LogFileCleared</c>).</summary>
    public string? UserDataName { get; init; }

    public IReadOnlyList<EventField> Fields { get; init; } = NoFields;

    /// <summary>True for a deleted record recovered from chunk slack (forensic use only).</summary>
    public bool Recovered { get; init; }

    public bool TryGetField(string name, out string? value)
    {
        // Exact case first, payload before System: EventData "ProcessId" must not be shadowed by
        // System/Execution "ProcessID"; then a case-insensitive pass for hand-written rules.
        var fields = Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (string.Equals(fields[i].Name, name, StringComparison.Ordinal))
            {
                value = fields[i].Value;
                return true;
            }
        }

        if (SystemFields.TryGet(this, name, StringComparison.Ordinal, out value))
            return true;

        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Name.Length != 0 && string.Equals(fields[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = fields[i].Value;
                return true;
            }
        }

        return SystemFields.TryGet(this, name, StringComparison.OrdinalIgnoreCase, out value);
    }

    /// <summary>Every value of the event, System and payload, for Sigma keyword searches.</summary>
    public IEnumerable<string> EnumerateValues()
    {
        foreach (var name in SystemFields.Names)
        {
            if (SystemFields.TryGet(this, name, StringComparison.Ordinal, out var v) && v is not null)
                yield return v;
        }

        foreach (var f in Fields)
        {
            if (f.Value is not null)
                yield return f.Value;
        }
    }
}
