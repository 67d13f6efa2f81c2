using System.Diagnostics;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Wire;

namespace ATTT.Monitor.Search.Bench;

/// <summary>
/// Fills the store through <see cref="IEventStore.AppendBatchAsync"/>, the path agents' batches take
/// (serialise, compress, group commit), as each PC would send them: the year is cut into slices and
/// in each slice every PC sends one batch of its events in that slice, in time order.
/// </summary>
internal static class Generator
{
    public const int BatchPerPc = 500;

    public static async Task<(TimeSpan Wall, TimeSpan Cpu)> FillAsync(IEventStore store, IReadOnlyList<EventRecord> templates, long total, int producers)
    {
        var sliceEvents = (long)BatchPerPc * Commune.Pcs;
        var slices = (total + sliceEvents - 1) / sliceEvents;
        var sliceTicks = Commune.Span.Ticks / slices;
        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var done = 0L;
        await Parallel.ForEachAsync(Enumerable.Range(0, producers), async (producer, ct) =>
        {
            var factory = new EventFactory(templates, 1000 + producer);
            var random = new Random(producer);
            for (var slice = (long)producer; slice < slices; slice += producers)
            {
                var sliceStart = Commune.Start.AddTicks(slice * sliceTicks);
                var tasks = new List<Task>(Commune.Pcs);
                for (var pc = 0; pc < Commune.Pcs; pc++)
                {
                    var count = (int)Math.Min(BatchPerPc, total - slice * sliceEvents - pc * BatchPerPc);
                    if (count <= 0)
                        break;
                    var offsets = new long[count];
                    for (var i = 0; i < count; i++)
                        offsets[i] = random.NextInt64(sliceTicks);
                    Array.Sort(offsets);
                    var events = new EventRecord[count];
                    var name = Commune.Pc(pc);
                    for (var i = 0; i < count; i++)
                        events[i] = factory.Make(name, sliceStart.AddTicks(offsets[i] / 10 * 10), slice * BatchPerPc + i + 1);
                    var batch = new EventBatch(Commune.Agent(pc), slice, sliceStart, 0, events);
                    tasks.Add(AppendAsync(store, new AgentIdentity(Commune.Agent(pc), Commune.Unit(pc), name, false), batch, sliceStart.Add(TimeSpan.FromTicks(sliceTicks)), ct));
                }

                await Task.WhenAll(tasks).ConfigureAwait(false);
                var now = Interlocked.Add(ref done, Math.Min(sliceEvents, total - slice * sliceEvents));
                if (slice % 40 == 0)
                    Console.Error.WriteLine($"  {now:N0} events, {now / watch.Elapsed.TotalSeconds:N0}/s");
            }
        }).ConfigureAwait(false);
        return (watch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    private static async Task AppendAsync(IEventStore store, AgentIdentity agent, EventBatch batch, DateTimeOffset receivedAt, CancellationToken ct)
    {
        // Compression runs here, on the caller's thread, as on a request's.
        await Task.Yield();
        while (true)
        {
            try
            {
                await store.AppendBatchAsync(agent, batch, receivedAt, ct).ConfigureAwait(false);
                return;
            }
            catch (StoreOverloadedException)
            {
                // The writer's queue is full: as an agent would, try again shortly.
                await Task.Delay(5, ct).ConfigureAwait(false);
            }
        }
    }
}
