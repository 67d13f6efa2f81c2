namespace ATTT.Monitor.Evtx.BinXml;

/// <summary>One value of a template instance: its type and where its bytes sit in the chunk.</summary>
internal readonly record struct Substitution(byte Type, int Offset, int Size);
