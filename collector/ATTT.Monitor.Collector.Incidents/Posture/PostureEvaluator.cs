using System.Globalization;
using ATTT.Monitor.Events.Wire.Agents;

namespace ATTT.Monitor.Collector.Posture;

/// <summary>
/// Decides the posture conditions of one report. Security Center's list decides whether any product
/// is registered; Defender's own status counts only while Defender is the active antivirus (a PC
/// protected by another product has Defender in passive mode, whose signatures do not matter).
/// </summary>
internal static class PostureEvaluator
{
    public static PostureAssessment Evaluate(PostureReport report, PostureOptions options)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        var defender = report.Defender;
        var defenderActive = defender is { AntivirusEnabled: true, ServiceRunning: not false };
        var holding = new Dictionary<string, string>(StringComparer.Ordinal);
        var products = report.Antivirus;
        var names = products.Count > 0 ? string.Join(", ", products.Select(p => p.Product)) : defender is null ? null : "Microsoft Defender";

        // Defender's own status is more precise than its Security Center entry, so it replaces it.
        var others = defender is null ? products : products.Where(p => !p.Product.Contains("Defender", StringComparison.OrdinalIgnoreCase)).ToList();
        var enabled = others.Any(p => p.Enabled) || defenderActive;
        var realtime = others.Any(p => p.Enabled && p.Realtime) || (defenderActive && defender!.RealtimeProtection == true);
        double? age = null;
        if (defenderActive)
        {
            age = defender!.SignatureUpdatedAt is { } updated
                ? Math.Max(0, (report.ObservedAt - updated).TotalDays)
                : defender.SignatureAgeDays;
        }

        if (products.Count == 0 && !defenderActive)
        {
            holding[PostureCondition.NoAntivirus.Key] = defender is null
                ? "Windows Security Center không liệt kê sản phẩm nào / no product registered in Windows Security Center"
                : "Không có sản phẩm nào và Defender bị tắt / no product registered and Defender is off";
        }
        else
        {
            if (!enabled || !realtime)
            {
                holding[PostureCondition.ProtectionOff.Key] = !enabled
                    ? $"Phần mềm diệt virus bị tắt / antivirus disabled: {names}"
                    : $"Bảo vệ thời gian thực bị tắt / real-time protection off: {names}";
            }

            var days = options.SignatureMaxAge.TotalDays;
            if (age is { } a && a > days)
                holding[PostureCondition.SignaturesOutdated.Key] = string.Create(CultureInfo.InvariantCulture, $"Mẫu nhận diện cũ {a:0.#} ngày / signatures {a:0.#} days old (limit {days:0.#})");
            else if (others.Any(p => p.Enabled && p.DefinitionsUpToDate == false))
                holding[PostureCondition.SignaturesOutdated.Key] = $"Security Center báo mẫu nhận diện cũ / Security Center reports out-of-date definitions: {names}";
        }

        DateTimeOffset? lastScan = defender?.LastQuickScanAt is { } quick && (defender.LastFullScanAt is not { } full || quick > full)
            ? quick
            : defender?.LastFullScanAt;
        return new PostureAssessment(names, enabled, realtime, age, lastScan, defender?.TamperProtection, holding);
    }
}
