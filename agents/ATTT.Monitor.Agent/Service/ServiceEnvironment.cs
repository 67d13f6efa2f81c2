namespace ATTT.Monitor.Agent.Service;

/// <summary>
/// Environment the Windows service is installed with. The runtime reads the gen0 budget from the
/// environment only (a <c>System.GC.Gen0Size</c> runtimeconfig entry is ignored). 4 MB kept the
/// resident set some 10 MB smaller than the default (half the L3 cache); 1 MB about 2 MB smaller
/// again, for some 20 more gen0 collections a minute at 50 events/s that cost no measurable CPU
/// (the live heap is 1-2 MB). docs/agent.md, "Footprint", has the figures. The footprint benchmark
/// gives the agent the same environment.
/// </summary>
internal static class ServiceEnvironment
{
    public static readonly IReadOnlyList<(string Name, string Value)> Variables = [("DOTNET_GCgen0size", "0x100000")];
}
