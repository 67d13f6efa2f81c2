namespace ATTT.Monitor.Collector.Incidents;

/// <summary>A command that cannot apply: a state change not allowed from the current state, an empty comment, ...</summary>
public sealed class InvalidIncidentCommandException : Exception
{
    public InvalidIncidentCommandException(string message, string field, bool conflict = false) : base(message)
    {
        Field = field;
        Conflict = conflict;
    }

    public InvalidIncidentCommandException() { }
    public InvalidIncidentCommandException(string message) : base(message) { }
    public InvalidIncidentCommandException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The request field at fault (API error bodies name it).</summary>
    public string? Field { get; }

    /// <summary>True when the command is well-formed but the incident's current state forbids it (HTTP 409).</summary>
    public bool Conflict { get; }
}
