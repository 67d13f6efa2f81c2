namespace ATTT.Monitor.Events;

/// <summary>Which element of the Windows event held the payload fields.</summary>
public enum EventPayloadKind : byte
{
    None = 0,
    EventData = 1,
    UserData = 2,
}
