using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Suppression;

/// <summary>
/// One condition of a filter: an event field (by the names Sigma rules use, through
/// <see cref="ATTT.Monitor.Events.IFieldLookup"/>) compared with a value. Two names are the
/// collector's own: <see cref="HostField"/> (the computer name) and <see cref="AgentField"/>.
/// </summary>
public sealed record FilterCondition(string Field, string Operator, string Value)
{
    public const string HostField = "host";
    public const string AgentField = "agent";

    /// <summary>True when the event's field meets the condition; <paramref name="fields"/> null reads the event's own field names only.</summary>
    public bool Matches(StoredEvent storedEvent, SigmaFieldResolver? fields = null)
    {
        ArgumentNullException.ThrowIfNull(storedEvent);
        string? actual;
        if (string.Equals(Field, HostField, StringComparison.OrdinalIgnoreCase))
            actual = string.IsNullOrWhiteSpace(storedEvent.Event.Computer) ? storedEvent.AgentId : storedEvent.Event.Computer;
        else if (string.Equals(Field, AgentField, StringComparison.OrdinalIgnoreCase))
            actual = storedEvent.AgentId;
        else if (!(fields is null ? storedEvent.Event.TryGetField(Field, out actual) : fields.TryGetField(storedEvent, Field, out actual)))
            return false;
        return FilterOperators.Apply(Operator, actual, Value);
    }
}
