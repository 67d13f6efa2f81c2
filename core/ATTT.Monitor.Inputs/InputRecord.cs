using ATTT.Monitor.Events;

namespace ATTT.Monitor.Inputs;

/// <summary>
/// An event read from a file, with where it was: the archive entry (null outside archives) and its
/// number in that file or entry, counted from 1. Resuming after <c>new FilePosition(Entry, Number)</c>
/// reads exactly the events after it.
/// </summary>
public readonly record struct InputRecord(EventRecord Event, string? Entry, long Number);
