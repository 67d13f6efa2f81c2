using System.Globalization;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;

namespace ATTT.Monitor.Agent.Posture.Inventory;

/// <summary>
/// Builds the PC inventory from recorded WMI values (OS-neutral, tested on Linux with values in the
/// shapes Windows returns): Win32_ComputerSystem (Manufacturer, Model, TotalPhysicalMemory),
/// Win32_Processor (Name, NumberOfCores, NumberOfLogicalProcessors, summed over sockets),
/// Win32_OperatingSystem (Caption, Version, BuildNumber, OperatingSystemSKU), the registry's
/// DisplayVersion (22H2), Win32_LogicalDisk (DeviceID, Size, FreeSpace of fixed disks),
/// Win32_QuickFixEngineering (HotFixID, InstalledOn: the newest is the last update installed),
/// Win32_EncryptableVolume (DriveLetter, ProtectionStatus 0 off, 1 on, 2 unknown) and Win32_Tpm
/// (IsEnabled_InitialValue, IsActivated_InitialValue, SpecVersion).
/// </summary>
public static class InventoryDecoder
{
    public static PcInventory Decode(WmiInventory wmi)
    {
        ArgumentNullException.ThrowIfNull(wmi);
        var cs = wmi.ComputerSystem;
        var os = wmi.OperatingSystem;
        var lastFix = wmi.HotFixes
            .Select(f => (Id: WmiValues.ToText(Get(f, "HotFixID")), At: InstalledOn(Get(f, "InstalledOn"))))
            .Where(f => f.At is not null)
            .OrderByDescending(f => f.At)
            .FirstOrDefault();
        return new PcInventory(
            Manufacturer: WmiValues.ToText(Get(cs, "Manufacturer")),
            Model: WmiValues.ToText(Get(cs, "Model")),
            CpuName: wmi.Processors.Select(p => WmiValues.ToText(Get(p, "Name"))?.Trim()).FirstOrDefault(n => n is not null),
            CpuCores: Sum(wmi.Processors, "NumberOfCores"),
            CpuLogicalProcessors: Sum(wmi.Processors, "NumberOfLogicalProcessors"),
            RamBytes: WmiValues.ToInt64(Get(cs, "TotalPhysicalMemory")),
            Disks: wmi.Disks
                .Where(d => WmiValues.ToUInt32(Get(d, "DriveType")) is null or 3)
                .Select(d => new DiskSpace(WmiValues.ToText(Get(d, "DeviceID")) ?? "?", WmiValues.ToInt64(Get(d, "Size")), WmiValues.ToInt64(Get(d, "FreeSpace"))))
                .Take(PcInventory.MaxDisks).ToList(),
            OsCaption: WmiValues.ToText(Get(os, "Caption"))?.Trim(),
            OsVersion: WmiValues.ToText(Get(os, "Version")),
            OsBuild: int.TryParse(WmiValues.ToText(Get(os, "BuildNumber")), NumberStyles.None, CultureInfo.InvariantCulture, out var build) ? build : null,
            OsDisplayVersion: wmi.DisplayVersion is { Length: > 0 } display ? display : null,
            OsSku: WmiValues.ToInt32(Get(os, "OperatingSystemSKU")),
            LastUpdateInstalledAt: lastFix.At,
            LastUpdateId: lastFix.Id,
            BitLocker: wmi.Volumes?.Select(v => new BitLockerVolume(WmiValues.ToText(Get(v, "DriveLetter")) ?? "?", WmiValues.ToUInt32(Get(v, "ProtectionStatus")) switch
            {
                0 => BitLockerVolume.Off,
                1 => BitLockerVolume.On,
                _ => BitLockerVolume.Unknown,
            })).Take(PcInventory.MaxDisks).ToList(),
            Tpm: wmi.Tpm is null ? null
                : wmi.Tpm.Count == 0 ? new TpmState(false, null, null, null)
                : new TpmState(true, WmiValues.ToBool(Get(wmi.Tpm[0], "IsEnabled_InitialValue")), WmiValues.ToBool(Get(wmi.Tpm[0], "IsActivated_InitialValue")),
                    WmiValues.ToText(Get(wmi.Tpm[0], "SpecVersion"))));
    }

    /// <summary>
    /// Win32_QuickFixEngineering.InstalledOn is a string: usually <c>M/d/yyyy</c> (the provider's own
    /// format, not the user's locale), on some old updates a FILETIME in hex (<c>01cc5a8fe3c0a6f0</c>), or empty.
    /// </summary>
    public static DateTimeOffset? InstalledOn(object? value)
    {
        if (WmiValues.ToText(value) is not { } text)
            return null;
        if (DateTime.TryParseExact(text.Trim(), ["M/d/yyyy", "MM/dd/yyyy", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
            return new DateTimeOffset(date, TimeSpan.Zero);
        if (text.Length == 16 && long.TryParse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var fileTime) && fileTime > 0)
        {
            try
            {
                return new DateTimeOffset(DateTime.FromFileTimeUtc(fileTime), TimeSpan.Zero);
            }
            catch (ArgumentOutOfRangeException)
            {
                return null;
            }
        }

        return null;
    }

    private static int? Sum(IReadOnlyList<IReadOnlyDictionary<string, object?>> items, string name)
    {
        var values = items.Select(i => WmiValues.ToInt32(Get(i, name))).Where(v => v is not null).ToList();
        return values.Count == 0 ? null : values.Sum();
    }

    private static object? Get(IReadOnlyDictionary<string, object?> p, string name) => p.TryGetValue(name, out var v) ? v : null;
}
