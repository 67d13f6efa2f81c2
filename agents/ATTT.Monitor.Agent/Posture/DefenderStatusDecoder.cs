using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;

namespace ATTT.Monitor.Agent.Posture;

/// <summary>
/// Builds <see cref="DefenderStatus"/> from MSFT_MpComputerStatus properties and, when readable,
/// MSFT_MpPreference's exclusion lists (name to raw WMI value, as System.Management hands them over).
/// </summary>
public static class DefenderStatusDecoder
{
    public static DefenderStatus Decode(IReadOnlyDictionary<string, object?> p, DateTimeOffset now, IReadOnlyDictionary<string, object?>? preference = null)
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
            TamperProtection: WmiValues.ToBool(Get(p, "IsTamperProtected")),
            QuickScanAgeDays: WmiValues.ToInt32(Get(p, "QuickScanAge")),
            FullScanAgeDays: WmiValues.ToInt32(Get(p, "FullScanAge")),
            Exclusions: preference is null ? null : Exclusions(preference));
    }

    /// <summary>
    /// MSFT_MpPreference's ExclusionPath, ExclusionExtension and ExclusionProcess (string arrays, null
    /// when empty). Windows shows a non-administrator the text "N/A: Must be an administrator to view
    /// exclusions" instead of the list: that is "not readable" (null), not an exclusion.
    /// </summary>
    public static DefenderExclusions? Exclusions(IReadOnlyDictionary<string, object?> preference)
    {
        ArgumentNullException.ThrowIfNull(preference);
        var paths = WmiValues.ToTextList(Get(preference, "ExclusionPath"));
        var extensions = WmiValues.ToTextList(Get(preference, "ExclusionExtension"));
        var processes = WmiValues.ToTextList(Get(preference, "ExclusionProcess"));
        if (paths.Concat(extensions).Concat(processes).Any(v => v.StartsWith("N/A", StringComparison.Ordinal)))
            return null;
        return new DefenderExclusions(Cap(paths), Cap(extensions), Cap(processes), []);
    }

    private static List<string> Cap(List<string> values) =>
        values.Order(StringComparer.OrdinalIgnoreCase).Take(DefenderExclusions.MaxPerKind).Select(v => v.Length > 1000 ? v[..1000] : v).ToList();

    private static object? Get(IReadOnlyDictionary<string, object?> p, string name) => p.TryGetValue(name, out var v) ? v : null;
}
