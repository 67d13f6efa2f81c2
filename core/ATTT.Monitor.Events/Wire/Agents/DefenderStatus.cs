namespace ATTT.Monitor.Events.Wire.Agents;

/// <summary>
/// Microsoft Defender's own view (<c>MSFT_MpComputerStatus</c>, exclusions from <c>MSFT_MpPreference</c>).
/// Each value is null when Windows did not say.
/// </summary>
public sealed record DefenderStatus(
    bool? ServiceRunning,
    bool? RealtimeProtection,
    bool? AntivirusEnabled,
    string? SignatureVersion,
    DateTimeOffset? SignatureUpdatedAt,
    int? SignatureAgeDays,
    DateTimeOffset? LastQuickScanAt,
    DateTimeOffset? LastFullScanAt,
    bool? TamperProtection,
    int? QuickScanAgeDays = null,
    int? FullScanAgeDays = null,
    DefenderExclusions? Exclusions = null);
