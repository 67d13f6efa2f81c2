using ATTT.Monitor.Events.Wire.Agents;

namespace ATTT.Monitor.Collector.Plan;

/// <summary>Decides indicator 1 for one PC from its latest posture report, and sums it per unit.</summary>
public static class PlanIndicators
{
    private const double Gigabyte = 1024d * 1024 * 1024;

    /// <summary>
    /// Win32_ComputerSystem.TotalPhysicalMemory leaves out what the firmware and graphics reserve: a
    /// PC with 4 GB installed reports 3.8 to 3.9 GB. Up to this share below the minimum still meets it.
    /// </summary>
    private const double ReservedMemoryShare = 0.1;

    private static readonly HashSet<string> SigningUsages = new(StringComparer.OrdinalIgnoreCase) { "digitalSignature", "nonRepudiation" };

    public static PcPlanCheck Check(string agentId, string unit, string host, PostureReport? report, MinimumConfigurationOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        var shortfalls = new List<string>();
        bool? meets = null;
        if (report?.Inventory is { } inventory)
        {
            if (inventory.RamBytes is not { } ram || ram < options.MinRamGigabytes * Gigabyte * (1 - ReservedMemoryShare))
                shortfalls.Add(PlanShortfall.Ram);
            if (inventory.OsBuild is not { } build || build < options.MinWindowsBuild)
                shortfalls.Add(PlanShortfall.Windows);
            if (options.MinFreeDiskGigabytes > 0)
            {
                var system = inventory.Disks.FirstOrDefault(d => string.Equals(d.Drive, "C:", StringComparison.OrdinalIgnoreCase));
                if (system?.FreeBytes is not { } free || free < options.MinFreeDiskGigabytes * Gigabyte)
                    shortfalls.Add(PlanShortfall.Disk);
            }

            meets = shortfalls.Count == 0;
        }
        else
        {
            shortfalls.Add(PlanShortfall.Unknown);
        }

        var certificates = report?.Certificates ?? [];
        var valid = certificates.Where(c => IsValidSignature(c, now)).ToList();
        var warnUntil = now.AddDays(options.CertificateWarningDays);
        var expiring = valid.Where(c => c.NotAfter <= warnUntil).OrderBy(c => c.NotAfter).ToList();
        return new PcPlanCheck(agentId, unit, host, meets, shortfalls, valid.Count > 0, certificates, expiring);
    }

    /// <summary>
    /// A personal digital-signature certificate counts when a recognised Vietnamese public CA (or Ban
    /// Cơ yếu Chính phủ) issued it, it is within its validity, and its key may sign (a certificate
    /// with no key usage extension may do anything).
    /// </summary>
    public static bool IsValidSignature(SignatureCertificate certificate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.IssuerCa is not null && certificate.NotBefore <= now && now < certificate.NotAfter
            && (certificate.KeyUsage.Count == 0 || certificate.KeyUsage.Any(SigningUsages.Contains));
    }

    public static IReadOnlyList<UnitPlanIndicators> PerUnit(IEnumerable<PcPlanCheck> checks) =>
        checks.GroupBy(c => c.Unit, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new UnitPlanIndicators(g.Key, g.Count(), g.Count(c => c.MeetsMinimum == true), g.Count(c => c.MeetsMinimum is null),
                g.Count(c => c.HasValidSignature), [.. g.OrderBy(c => c.Host, StringComparer.OrdinalIgnoreCase)]))
            .ToList();
}
