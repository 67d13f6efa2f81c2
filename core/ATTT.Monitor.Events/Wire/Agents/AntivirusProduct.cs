namespace ATTT.Monitor.Events.Wire.Agents;

/// <summary>
/// One product registered in Windows Security Center, with its <c>productState</c> as Windows gives
/// it and decoded (docs/protocol.md). The name and path are agent-controlled text: encode them when shown.
/// </summary>
public sealed record AntivirusProduct(string Product, long? ProductState, bool Enabled, bool Realtime, bool? DefinitionsUpToDate, string? Path);
