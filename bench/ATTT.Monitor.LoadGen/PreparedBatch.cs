namespace ATTT.Monitor.LoadGen;

/// <summary>A batch ready to post: its agent, the gzip body, how many events it holds.</summary>
internal sealed record PreparedBatch(int Agent, long Sequence, byte[] GzipBody, int Events);
