namespace ATTT.Monitor.Evtx.Chunks;

/// <summary>Where one event record sits in the current chunk buffer.</summary>
/// <param name="Chunk">Zero-based chunk index in the file.</param>
/// <param name="Offset">Offset of the record in the chunk.</param>
/// <param name="Size">Record size including its header and trailing size copy.</param>
/// <param name="RecordId">The record identifier from the record header.</param>
/// <param name="Written">The written time from the record header (FILETIME ticks).</param>
/// <param name="Recovered">True for a deleted record found in chunk slack.</param>
internal readonly record struct RecordSlot(int Chunk, int Offset, int Size, long RecordId, long Written, bool Recovered);
