using System.Runtime.InteropServices;

namespace ATTT.Monitor.Agent.Memory;

/// <summary>
/// The C heap under the runtime on Linux (glibc). The runtime and its JIT allocate there, mostly
/// while starting; glibc gives every thread that allocates its own arena (measured: four arenas of
/// about 2 MB resident each at 50 events/s) and keeps freed memory in them. One arena and a trim
/// after start-up and then every 30 s took about 4 MB off the agent's resident set. Large blocks
/// (64 KB and more) get pages of their own that go back to the system when freed: every batch's
/// gzip stream allocates zlib's 344 KB deflate state and frees it, and with glibc's default
/// (a threshold that rises to the largest block freed) those blocks came from the heap, which
/// fragmented and grew by about 1.5 MB between trims (docs/agent.md, "Footprint"). Nothing is done
/// on other systems, or where the C library lacks these calls (musl): they change no behaviour,
/// only how much memory stays resident.
/// </summary>
internal static partial class NativeHeap
{
    private const int ArenaMaxOption = -8; // M_ARENA_MAX in glibc's malloc.h
    private const int MmapThresholdOption = -3; // M_MMAP_THRESHOLD: setting it also stops glibc from raising it
    private const int MmapThreshold = 64 * 1024;

    /// <summary>Call first thing: threads the runtime starts later share the existing arena.</summary>
    public static void Configure() => Call(() => MallOpt(ArenaMaxOption, 1) & MallOpt(MmapThresholdOption, MmapThreshold));

    /// <summary>Returns the C heap's free pages to the system.</summary>
    public static void Trim() => Call(() => MallocTrim(0));

    private static void Call(Func<int> call)
    {
        if (!OperatingSystem.IsLinux())
            return;
        try
        {
            call();
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc: its allocator behaves differently and the agent runs the same without this.
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "mallopt")]
    private static partial int MallOpt(int option, int value);

    [LibraryImport("libc.so.6", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
