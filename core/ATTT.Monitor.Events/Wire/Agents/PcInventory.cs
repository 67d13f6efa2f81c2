namespace ATTT.Monitor.Events.Wire.Agents;

/// <summary>
/// The PC's hardware and Windows (WMI: Win32_ComputerSystem, Win32_Processor, Win32_OperatingSystem,
/// Win32_LogicalDisk, Win32_QuickFixEngineering, Win32_EncryptableVolume, Win32_Tpm), for indicator 1 of
/// the commune's plan (a PC meeting the minimum configuration). Null values were not readable.
/// <see cref="BitLocker"/> null: not readable (the agent is not elevated, or the edition has no
/// BitLocker); <see cref="Tpm"/> null: not readable, <c>Present = false</c>: no TPM.
/// </summary>
public sealed record PcInventory(
    string? Manufacturer,
    string? Model,
    string? CpuName,
    int? CpuCores,
    int? CpuLogicalProcessors,
    long? RamBytes,
    IReadOnlyList<DiskSpace> Disks,
    string? OsCaption,
    string? OsVersion,
    int? OsBuild,
    string? OsDisplayVersion,
    int? OsSku,
    DateTimeOffset? LastUpdateInstalledAt,
    string? LastUpdateId,
    IReadOnlyList<BitLockerVolume>? BitLocker,
    TpmState? Tpm)
{
    public const int MaxDisks = 32;

    public bool Equals(PcInventory? other) =>
        other is not null && Manufacturer == other.Manufacturer && Model == other.Model && CpuName == other.CpuName
        && CpuCores == other.CpuCores && CpuLogicalProcessors == other.CpuLogicalProcessors && RamBytes == other.RamBytes
        && Disks.SequenceEqual(other.Disks) && OsCaption == other.OsCaption && OsVersion == other.OsVersion && OsBuild == other.OsBuild
        && OsDisplayVersion == other.OsDisplayVersion && OsSku == other.OsSku && LastUpdateInstalledAt == other.LastUpdateInstalledAt
        && LastUpdateId == other.LastUpdateId && Same(BitLocker, other.BitLocker) && Tpm == other.Tpm;

    public override int GetHashCode() => HashCode.Combine(Model, RamBytes, OsBuild, Disks.Count);

    private static bool Same<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) => a is null ? b is null : b is not null && a.SequenceEqual(b);
}
