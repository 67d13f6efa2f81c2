using System.Runtime.InteropServices;

namespace ATTT.Monitor.Agent.Memory;

/// <summary>
/// The C heap under the runtime on Linux (glibc). The runtime and its JIT allocate there, mostly
/// while starting; glibc gives every thread that allocates its own arena (measured: four arenas of
/// about 2 MB resident each at 50 events/s) and keeps freed memory in them. One arena and a trim
/// after start-up and then once a minute took about 4 MB off the agent's resident set
/// (docs/agent.md, "Footprint"). Nothing is done on other systems, or where the C library lacks
/// these calls (musl): they change no behaviour, only how much memory stays resident.
/// </summary>
internal static partial class NativeHeap
{
    private const int ArenaMaxOption = -8; // M_ARENA_MAX in glibc's malloc.h

    /// <summary>Call first thing: threads the runtime starts later share the existing arena.</summary>
    public static void UseOneArena() => Call(() => MallOpt(ArenaMaxOption, 1));

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
