namespace ATTT.Monitor.Events.Wire;

/// <summary>
/// Where a value sits in a body (the batch itself, <c>events[3]</c>, <c>event</c>), made into text
/// only when an error names it: the reader builds no path string for input that is fine.
/// </summary>
internal readonly record struct WirePath(string Name, int Index)
{
    public static readonly WirePath Root = new("", -1);

    public override string ToString() => Index < 0 ? Name : $"{Name}[{Index}]";

    /// <summary>The full name of a field under this path: <c>events[3].event_id</c>, or <c>seq</c> at the root.</summary>
    public string Field(string name) => Name.Length == 0 ? name : $"{this}.{name}";
}
