namespace ATTT.Monitor.Evtx.Model;

/// <summary>The child of Event that an element of a record sits in.</summary>
internal enum RecordSection : byte
{
    Other,
    System,
    EventData,
    UserData,
}
