namespace ATTT.Monitor.Agent.Service;

/// <summary>
/// Environment the Windows service is installed with. The runtime reads the gen0 budget from the
/// environment only (a <c>System.GC.Gen0Size</c> runtimeconfig entry is ignored); 4 MB keeps the
/// resident set some 10 MB smaller (docs/agent.md, "Footprint"). The footprint benchmark gives the
/// agent the same environment.
/// </summary>
internal static class ServiceEnvironment
{
    public static readonly IReadOnlyList<(string Name, string Value)> Variables = [("DOTNET_GCgen0size", "0x400000")];
}
