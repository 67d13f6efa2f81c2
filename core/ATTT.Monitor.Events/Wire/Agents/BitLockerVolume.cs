namespace ATTT.Monitor.Events.Wire.Agents;

/// <summary>BitLocker on one volume (Win32_EncryptableVolume.ProtectionStatus): <c>on</c>, <c>off</c> or <c>unknown</c>.</summary>
public sealed record BitLockerVolume(string Drive, string Protection)
{
    public const string On = "on", Off = "off", Unknown = "unknown";
}
