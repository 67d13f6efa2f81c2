using System.Diagnostics;
using System.Globalization;

namespace ATTT.Monitor.Agent.Pipeline;

/// <summary>
/// One line about the agent's own memory for <c>--log-level Debug</c> (logged with each heartbeat):
/// what the GC holds against what the process has resident, so a footprint regression can be
/// placed (managed heap, or code and runtime) without a profiler on the commune PC.
/// </summary>
internal static class ProcessFootprint
{
    public static string Describe()
    {
        var gc = GC.GetGCMemoryInfo();
        using var self = Process.GetCurrentProcess();
        return string.Create(CultureInfo.InvariantCulture,
            $"resident {self.WorkingSet64 / 1048576.0:F1} MB; GC heap {gc.HeapSizeBytes / 1048576.0:F1} MB " +
            $"(committed {gc.TotalCommittedBytes / 1048576.0:F1} MB, {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections of gen 0/1/2); " +
            $"JIT code {System.Runtime.JitInfo.GetCompiledILBytes() / 1024} KB IL in {System.Runtime.JitInfo.GetCompiledMethodCount()} methods; " +
            $"{AppDomain.CurrentDomain.GetAssemblies().Length} assemblies, {self.Threads.Count} threads");
    }
}
