namespace ATTT.Monitor.Evtx.Tests.Support;

/// <summary>
/// Reads damaged bytes every way the library offers, under a watchdog, and says what went wrong:
/// an exception other than <see cref="EvtxFormatException"/>, too long, or too much allocated.
/// </summary>
internal static class SafeRead
{
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(10);

    public static string? Problem(byte[] bytes, string name)
    {
        long allocated = 0;
        var work = Task.Run(() =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                ReadAll(bytes, name);
                return null;
            }
            catch (EvtxFormatException)
            {
                return null;
            }
            catch (Exception ex)
            {
                return $"{name}: {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}";
            }
            finally
            {
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            }
        });
        if (!work.Wait(TimeLimit))
            return $"{name}: took more than {TimeLimit.TotalSeconds} s";
        // Reading everything three ways, with JSON and XML text, allocates in proportion to the
        // file; what is checked here is that damage does not make it grow without bound.
        var limit = (64L << 20) + (200L * bytes.Length);
        if (allocated > limit)
            return $"{name}: allocated {allocated >> 20} MB for a {bytes.Length >> 10} KB file";
        return work.Result;
    }

    private static void ReadAll(byte[] bytes, string name)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var warnings = 0;
        foreach (var e in EvtxFile.ReadEvents(stream, name, onWarning: _ => warnings++))
            _ = e.TryGetField("EventID", out _);
        foreach (var e in EvtxFile.ReadEvents(stream, name, new EvtxReadOptions { RecoverDeleted = true }))
            _ = e.Fields.Count;
        foreach (var d in EvtxFile.ReadDocuments(stream, name, new EvtxReadOptions { RecoverDeleted = true }))
        {
            _ = d.ToJson();
            _ = d.ToXml();
        }
    }
}
