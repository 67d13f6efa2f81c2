namespace ATTT.Monitor.Agent.Posture;

/// <summary>Microsoft Defender's own view (MSFT_MpComputerStatus).</summary>
public sealed record DefenderStatus(
    bool? ServiceRunning,
    bool? RealtimeProtection,
    bool? AntivirusEnabled,
    string? SignatureVersion,
    DateTimeOffset? SignatureUpdatedAt,
    int? SignatureAgeDays,
    DateTimeOffset? LastQuickScanAt,
    DateTimeOffset? LastFullScanAt,
    bool? TamperProtection);
