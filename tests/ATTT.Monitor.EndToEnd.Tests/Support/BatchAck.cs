namespace ATTT.Monitor.EndToEnd.Tests.Support;

/// <summary>The collector's answer to a batch: <c>{"ack":N,"accepted":N,"duplicate":B}</c>.</summary>
public sealed record BatchAck(long Sequence, int Accepted, bool Duplicate);
