namespace ATTT.Monitor.Evtx;

/// <summary>
/// A damaged part of a file that was skipped. <paramref name="Chunk"/> is the zero-based chunk
/// index (-1 for the file header) and <paramref name="Offset"/> the absolute file offset.
/// </summary>
public sealed record EvtxWarning(string File, int Chunk, long Offset, string Message);
