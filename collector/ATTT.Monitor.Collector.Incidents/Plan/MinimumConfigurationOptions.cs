namespace ATTT.Monitor.Collector.Plan;

/// <summary>
/// Configuration section <c>MinimumConfiguration</c>: what indicator 1 of the commune's plan counts as
/// a PC "meeting the minimum configuration", and how early an expiring digital-signature certificate is shown.
/// </summary>
public sealed class MinimumConfigurationOptions
{
    public const string Section = "MinimumConfiguration";

    /// <summary>Installed memory, in GB (GiB).</summary>
    public double MinRamGigabytes { get; set; } = 4;

    /// <summary>Windows build: 19045 is Windows 10 22H2; every Windows 11 build is above it.</summary>
    public int MinWindowsBuild { get; set; } = 19045;

    /// <summary>Free space on the system drive (C:), in GB; 0: not checked.</summary>
    public double MinFreeDiskGigabytes { get; set; }

    /// <summary>A certificate that expires within this many days is listed as expiring.</summary>
    public int CertificateWarningDays { get; set; } = 30;
}
