namespace ATTT.Monitor.Events;

/// <summary>
/// The one method through which the rule engine reaches an event's fields, by the names that
/// Sigma rules use (for example <c>EventID</c>, <c>Channel</c>, <c>Image</c>, <c>CommandLine</c>).
/// Keeping it this small lets the engine evaluate anything that can answer it: a parsed EVTX record,
/// a JSON line, a stored event, or a test double.
/// </summary>
public interface IFieldLookup
{
    /// <summary>
    /// Looks up a field. Returns false when the event has no field of that name; returns true with a
    /// null <paramref name="value"/> when the field exists but is empty or null.
    /// </summary>
    bool TryGetField(string name, out string? value);
}
