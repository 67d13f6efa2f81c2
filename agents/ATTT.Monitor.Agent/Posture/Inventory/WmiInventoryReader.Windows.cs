using System.Management;
using System.Runtime.Versioning;
using Microsoft.Win32;

namespace ATTT.Monitor.Agent.Posture.Inventory;

/// <summary>
/// Reads the inventory's WMI classes (and the registry's DisplayVersion) on Windows; decoding is
/// <see cref="InventoryDecoder"/>'s, tested on Linux. BitLocker and the TPM live in namespaces only
/// an administrator (the service runs as LocalSystem) may read: an access error there leaves that part
/// null ("not readable"), never fails the report. Not run on Windows yet.
/// </summary>
[SupportedOSPlatform("windows")]
internal static class WmiInventoryReader
{
    public static WmiInventory Read() => new(
        Single(@"root\cimv2", "SELECT Manufacturer, Model, TotalPhysicalMemory FROM Win32_ComputerSystem") ?? new Dictionary<string, object?>(),
        Single(@"root\cimv2", "SELECT Caption, Version, BuildNumber, OperatingSystemSKU FROM Win32_OperatingSystem") ?? new Dictionary<string, object?>(),
        All(@"root\cimv2", "SELECT Name, NumberOfCores, NumberOfLogicalProcessors FROM Win32_Processor") ?? [],
        All(@"root\cimv2", "SELECT DeviceID, DriveType, Size, FreeSpace FROM Win32_LogicalDisk WHERE DriveType = 3") ?? [],
        All(@"root\cimv2", "SELECT HotFixID, InstalledOn FROM Win32_QuickFixEngineering") ?? [],
        All(@"root\cimv2\Security\MicrosoftVolumeEncryption", "SELECT DriveLetter, ProtectionStatus FROM Win32_EncryptableVolume"),
        All(@"root\cimv2\Security\MicrosoftTpm", "SELECT IsEnabled_InitialValue, IsActivated_InitialValue, SpecVersion FROM Win32_Tpm"),
        DisplayVersion());

    /// <summary>Windows 10 20H2 and later: DisplayVersion (22H2); before: ReleaseId (2004).</summary>
    private static string? DisplayVersion()
    {
        using var key = Registry.LocalMachine.OpenSubKey(@"SOFTWARE\Microsoft\Windows NT\CurrentVersion");
        return key?.GetValue("DisplayVersion") as string ?? key?.GetValue("ReleaseId") as string;
    }

    private static IReadOnlyDictionary<string, object?>? Single(string scope, string query) => All(scope, query) is [var first, ..] ? first : null;

    private static List<IReadOnlyDictionary<string, object?>>? All(string scope, string query)
    {
        try
        {
            return WmiQuery.Run(scope, query);
        }
        catch (ManagementException ex) when (ex.ErrorCode is ManagementStatus.InvalidNamespace or ManagementStatus.InvalidClass
            or ManagementStatus.AccessDenied or ManagementStatus.NotFound)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
