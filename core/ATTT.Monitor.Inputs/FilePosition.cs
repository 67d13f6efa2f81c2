namespace ATTT.Monitor.Inputs;

/// <summary>
/// How far a file has been read: in an archive, the entry being read (entries are read in ordinal
/// order of their names; the ones before it are done); and how many records of that file or entry
/// were read. JSON inputs count every record they hold, read or skipped as bad, so a resume never
/// repeats or loses one; EVTX inputs count the records the EVTX reader yields.
/// </summary>
public readonly record struct FilePosition(string? Entry, long Records);
