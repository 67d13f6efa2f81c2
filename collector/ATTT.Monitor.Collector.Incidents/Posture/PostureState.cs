namespace ATTT.Monitor.Collector.Posture;

/// <summary>
/// The antivirus posture of one PC at one time (current or historical). <see cref="Product"/> comes
/// from the agent: encode it when shown. <see cref="Conditions"/> are <see cref="PostureCondition"/> keys.
/// </summary>
public sealed record PostureState(
    string AgentId,
    string Unit,
    string Host,
    bool IsDrill,
    DateTimeOffset ObservedAt,
    DateTimeOffset ReceivedAt,
    string? Product,
    bool Enabled,
    bool Realtime,
    double? SignatureAgeDays,
    DateTimeOffset? LastScanAt,
    bool? TamperProtection,
    IReadOnlyList<string> Conditions);
