namespace ATTT.Monitor.Events;

/// <summary>
/// How a field's value was typed at the source. Matching always works on the string form; the kind
/// only lets writers (JSON dump, wire format, stores) keep numbers as numbers.
/// </summary>
public enum EventValueKind : byte
{
    String = 0,
    Integer = 1,
    Boolean = 2,
    Null = 3,
    Float = 4,
}
