namespace ATTT.Monitor.Agent.Posture.Inventory;

/// <summary>
/// What WMI (and one registry value) returned for the inventory, as property name to raw value per
/// instance, the way System.Management hands them over. <see cref="Volumes"/> and <see cref="Tpm"/> are
/// null when their namespace could not be read (not elevated, no BitLocker on the edition); an empty
/// <see cref="Tpm"/> list means the query ran and found no TPM.
/// </summary>
public sealed record WmiInventory(
    IReadOnlyDictionary<string, object?> ComputerSystem,
    IReadOnlyDictionary<string, object?> OperatingSystem,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Processors,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Disks,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> HotFixes,
    IReadOnlyList<IReadOnlyDictionary<string, object?>>? Volumes,
    IReadOnlyList<IReadOnlyDictionary<string, object?>>? Tpm,
    string? DisplayVersion);
