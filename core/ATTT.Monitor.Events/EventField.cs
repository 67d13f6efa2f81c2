namespace ATTT.Monitor.Events;

/// <summary>
/// One EventData or UserData value. <see cref="Name"/> is empty for unnamed <c>&lt;Data&gt;</c>
/// elements (common in classic providers); such values are still searched by Sigma keywords.
/// </summary>
public readonly record struct EventField(string Name, string? Value, EventValueKind Kind = EventValueKind.String);
