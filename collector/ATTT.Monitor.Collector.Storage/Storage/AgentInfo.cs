namespace ATTT.Monitor.Collector.Storage;

/// <summary>An enrolled agent (tác tử) as the registry knows it.</summary>
public sealed record AgentInfo(
    string AgentId,
    string Unit,
    string Host,
    string? OsVersion,
    string? AgentVersion,
    IReadOnlyList<string> IpAddresses,
    DateTimeOffset EnrolledAt,
    DateTimeOffset? LastSeenAt,
    long LastSequence,
    long DroppedTotal,
    bool Revoked,
    bool IsDrill);
