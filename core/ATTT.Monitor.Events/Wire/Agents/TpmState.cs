namespace ATTT.Monitor.Events.Wire.Agents;

/// <summary>The TPM (Win32_Tpm): whether there is one, whether it is enabled and activated, its spec version (e.g. <c>2.0, 0, 1.38</c>).</summary>
public sealed record TpmState(bool Present, bool? Enabled, bool? Activated, string? SpecVersion);
