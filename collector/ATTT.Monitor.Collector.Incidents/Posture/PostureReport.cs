namespace ATTT.Monitor.Collector.Posture;

/// <summary>One antivirus product as Windows Security Center lists it (docs/protocol.md).</summary>
public sealed record AntivirusProduct(string Product, long? ProductState, bool Enabled, bool Realtime, bool? DefinitionsUpToDate, string? Path);

/// <summary>Microsoft Defender's own status (<c>MSFT_MpComputerStatus</c>); absent when Defender is not installed.</summary>
public sealed record DefenderStatus(
    bool? ServiceRunning,
    bool? RealtimeProtection,
    bool? AntivirusEnabled,
    string? SignatureVersion,
    DateTimeOffset? SignatureUpdatedAt,
    double? SignatureAgeDays,
    DateTimeOffset? LastQuickScanAt,
    DateTimeOffset? LastFullScanAt,
    bool? TamperProtection);

/// <summary>The body of <c>POST /api/v1/posture</c>. Product names are agent-controlled text: encode them when shown.</summary>
public sealed record PostureReport(string AgentId, DateTimeOffset ObservedAt, IReadOnlyList<AntivirusProduct> Antivirus, DefenderStatus? Defender);
