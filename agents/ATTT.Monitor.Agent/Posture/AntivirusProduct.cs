namespace ATTT.Monitor.Agent.Posture;

/// <summary>One product registered in Windows Security Center, with its decoded productState.</summary>
public sealed record AntivirusProduct(string Product, uint ProductState, bool Enabled, bool Realtime, bool DefinitionsUpToDate, string? Path);
