namespace ATTT.Monitor.Collector.Incidents.Bulk;

/// <summary>
/// One bulk change: <see cref="Assignee"/> for <see cref="BulkAction.Assign"/> (empty: unassign),
/// <see cref="State"/> for <see cref="BulkAction.ChangeState"/>, <see cref="Text"/> the comment (or
/// the note kept with a state change), <see cref="Suppress"/> whether a false positive also adds a
/// false-positive filter for the incident's rule on its PC (the note is the filter's reason).
/// </summary>
public sealed record BulkCommand(BulkAction Action, string? Assignee = null, IncidentState? State = null, string? Text = null, bool Suppress = false);
