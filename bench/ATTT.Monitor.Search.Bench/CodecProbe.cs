using System.Buffers;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Wire;
using ZstdSharp;

namespace ATTT.Monitor.Search.Bench;

/// <summary><c>--codec</c>: body sizes and compression cost alone (raw JSON, zstd, zstd with a trained dictionary).</summary>
internal static class CodecProbe
{
    public static void Run(IReadOnlyList<EventRecord> templates)
    {
        var factory = new EventFactory(templates, 3);
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var bodies = new List<byte[]>();
        for (var i = 0; i < 30_000; i++)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            EventWireWriter.WriteEvent(writer, factory.Make(Commune.Pc(i % 50), Commune.Start.AddSeconds(i), i));
            writer.Flush();
            bodies.Add(buffer.WrittenSpan.ToArray());
        }

        Console.WriteLine($"raw json: {bodies.Average(b => b.Length):F1} bytes mean");
        var test = bodies.Skip(20_000).ToList();
        foreach (var (samples, size) in new[] { (4000, 112 * 1024), (16_000, 112 * 1024), (16_000, 256 * 1024) })
        {
            var watch = Stopwatch.StartNew();
            var dict = DictBuilder.TrainFromBufferFastCover(bodies.Take(samples), 10, size).ToArray();
            Console.WriteLine($"dictionary from {samples} samples, {size / 1024} KiB: trained in {watch.ElapsedMilliseconds} ms");
            foreach (var level in new[] { 3, 5, 7 })
            {
                using var c = new Compressor(level);
                c.SetParameter(ZstdSharp.Unsafe.ZSTD_cParameter.ZSTD_c_dictIDFlag, 0);
                c.LoadDictionary(dict);
                c.Wrap(test[0]);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                long total = 0;
                foreach (var b in test)
                    total += c.Wrap(b).Length;
                var us = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / test.Count;
                Console.WriteLine($"  level {level}: {(double)total / test.Count:F1} bytes, {us:F1} CPU-us/event");
            }
        }
    }
}
