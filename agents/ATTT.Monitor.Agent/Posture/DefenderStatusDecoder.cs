namespace ATTT.Monitor.Agent.Posture;

/// <summary>Builds <see cref="DefenderStatus"/> from MSFT_MpComputerStatus properties (name to raw WMI value).</summary>
public static class DefenderStatusDecoder
{
    public static DefenderStatus Decode(IReadOnlyDictionary<string, object?> p, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(p);
        var updated = WmiValues.ToTime(Get(p, "AntivirusSignatureLastUpdated"));
        var age = WmiValues.ToInt32(Get(p, "AntivirusSignatureAge"))
            ?? (updated is { } u ? (int)Math.Max(0, (now - u).TotalDays) : null);
        return new DefenderStatus(
            ServiceRunning: WmiValues.ToBool(Get(p, "AMServiceEnabled")),
            RealtimeProtection: WmiValues.ToBool(Get(p, "RealTimeProtectionEnabled")),
            AntivirusEnabled: WmiValues.ToBool(Get(p, "AntivirusEnabled")),
            SignatureVersion: WmiValues.ToText(Get(p, "AntivirusSignatureVersion")),
            SignatureUpdatedAt: updated,
            SignatureAgeDays: age,
            LastQuickScanAt: WmiValues.ToTime(Get(p, "QuickScanEndTime")),
            LastFullScanAt: WmiValues.ToTime(Get(p, "FullScanEndTime")),
            TamperProtection: WmiValues.ToBool(Get(p, "IsTamperProtected")));
    }

    private static object? Get(IReadOnlyDictionary<string, object?> p, string name) => p.TryGetValue(name, out var v) ? v : null;
}
