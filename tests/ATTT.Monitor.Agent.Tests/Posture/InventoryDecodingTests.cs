using ATTT.Monitor.Agent.Posture;
using ATTT.Monitor.Agent.Posture.Inventory;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;

namespace ATTT.Monitor.Agent.Tests.Posture;

/// <summary>
/// The inventory from WMI values in the .NET types System.Management gives for each CIM type
/// (uint64 as ulong, uint32 as uint, uint16 as ushort, strings, string arrays, booleans), as a
/// Dell OptiPlex 3050 with Windows 10 Pro 22H2 answers Get-CimInstance for these classes.
/// </summary>
public sealed class InventoryDecodingTests
{
    private static readonly WmiInventory OptiPlex = new(
        new Dictionary<string, object?> { ["Manufacturer"] = "Dell Inc.", ["Model"] = "OptiPlex 3050", ["TotalPhysicalMemory"] = 8469151744ul },
        new Dictionary<string, object?> { ["Caption"] = "Microsoft Windows 10 Pro", ["Version"] = "10.0.19045", ["BuildNumber"] = "19045", ["OperatingSystemSKU"] = 48u },
        [new Dictionary<string, object?> { ["Name"] = "Intel(R) Core(TM) i3-7100 CPU @ 3.90GHz", ["NumberOfCores"] = 2u, ["NumberOfLogicalProcessors"] = 4u }],
        [
            new Dictionary<string, object?> { ["DeviceID"] = "C:", ["DriveType"] = 3u, ["Size"] = 255533772800ul, ["FreeSpace"] = 40173821952ul },
            new Dictionary<string, object?> { ["DeviceID"] = "D:", ["DriveType"] = 3u, ["Size"] = 1000186310656ul, ["FreeSpace"] = null },
        ],
        [
            new Dictionary<string, object?> { ["HotFixID"] = "KB5030841", ["InstalledOn"] = "9/13/2026" },
            new Dictionary<string, object?> { ["HotFixID"] = "KB5031356", ["InstalledOn"] = "11/8/2026" },
            new Dictionary<string, object?> { ["HotFixID"] = "KB4562830", ["InstalledOn"] = "" },
        ],
        [new Dictionary<string, object?> { ["DriveLetter"] = "C:", ["ProtectionStatus"] = 0u }, new Dictionary<string, object?> { ["DriveLetter"] = "D:", ["ProtectionStatus"] = 2u }],
        [new Dictionary<string, object?> { ["IsEnabled_InitialValue"] = true, ["IsActivated_InitialValue"] = true, ["SpecVersion"] = "2.0, 0, 1.38" }],
        "22H2");

    [Fact]
    public void A_commune_pc_is_decoded()
    {
        var inventory = InventoryDecoder.Decode(OptiPlex);

        Assert.Equal(("Dell Inc.", "OptiPlex 3050"), (inventory.Manufacturer, inventory.Model));
        Assert.Equal((2, 4), (inventory.CpuCores, inventory.CpuLogicalProcessors));
        Assert.Equal(8469151744L, inventory.RamBytes);
        Assert.Equal([new DiskSpace("C:", 255533772800, 40173821952), new DiskSpace("D:", 1000186310656, null)], inventory.Disks);
        Assert.Equal(("Microsoft Windows 10 Pro", "10.0.19045", 19045, "22H2", 48), (inventory.OsCaption, inventory.OsVersion, inventory.OsBuild, inventory.OsDisplayVersion, inventory.OsSku));
        Assert.Equal(("KB5031356", new DateTimeOffset(2026, 11, 8, 0, 0, 0, TimeSpan.Zero)), (inventory.LastUpdateId, inventory.LastUpdateInstalledAt!.Value));
        Assert.Equal([new BitLockerVolume("C:", BitLockerVolume.Off), new BitLockerVolume("D:", BitLockerVolume.Unknown)], inventory.BitLocker!);
        Assert.Equal(new TpmState(true, true, true, "2.0, 0, 1.38"), inventory.Tpm);
    }

    [Fact]
    public void Unreadable_bitlocker_and_tpm_are_null_and_no_tpm_is_said_so()
    {
        Assert.Null(InventoryDecoder.Decode(OptiPlex with { Volumes = null, Tpm = null }).BitLocker);
        Assert.Null(InventoryDecoder.Decode(OptiPlex with { Tpm = null }).Tpm);
        Assert.Equal(new TpmState(false, null, null, null), InventoryDecoder.Decode(OptiPlex with { Tpm = [] }).Tpm);
    }

    [Theory]
    [InlineData("11/8/2026", "2026-11-08")]
    [InlineData("01cc5a8fe3c0a6f0", "2011-08-14")] // the hex FILETIME some old updates carry
    [InlineData("", null)]
    [InlineData("not a date", null)]
    public void Update_install_dates_in_both_shapes_windows_uses_are_read(string text, string? day) =>
        Assert.Equal(day, InventoryDecoder.InstalledOn(text)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Defender_exclusions_scan_ages_and_tamper_protection_are_decoded()
    {
        var status = DefenderStatusDecoder.Decode(
            new Dictionary<string, object?> { ["IsTamperProtected"] = false, ["QuickScanAge"] = 2u, ["FullScanAge"] = uint.MaxValue },
            new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero),
            new Dictionary<string, object?> { ["ExclusionPath"] = new[] { @"C:\Users\Public\Tools", "" }, ["ExclusionExtension"] = null, ["ExclusionProcess"] = new[] { "mimikatz.exe" } });

        Assert.False(status.TamperProtection);
        Assert.Equal(2, status.QuickScanAgeDays);
        Assert.Null(status.FullScanAgeDays); // never run
        Assert.Equal(new DefenderExclusions([@"C:\Users\Public\Tools"], [], ["mimikatz.exe"], []), status.Exclusions);
    }

    [Fact]
    public void Exclusions_hidden_from_a_non_administrator_are_not_readable_rather_than_none() =>
        Assert.Null(DefenderStatusDecoder.Exclusions(new Dictionary<string, object?> { ["ExclusionPath"] = new[] { "N/A: Must be an administrator to view exclusions" } }));

    [Fact]
    public void An_exclusion_added_since_the_last_delivered_report_is_named_once()
    {
        PostureReport With(params string[] paths) => new("a", default, [], new DefenderStatus(true, true, true, null, null, null, null, null, true,
            Exclusions: new DefenderExclusions(paths, [], [], [])));

        var first = ATTT.Monitor.Agent.Posture.PostureLoop.WithAddedExclusions(With(@"C:\A"), null);
        var second = ATTT.Monitor.Agent.Posture.PostureLoop.WithAddedExclusions(With(@"C:\A", @"C:\Temp"), first);

        Assert.Empty(first.Defender!.Exclusions!.Added);
        Assert.Equal([@"path:C:\Temp"], second.Defender!.Exclusions!.Added);
    }
}
