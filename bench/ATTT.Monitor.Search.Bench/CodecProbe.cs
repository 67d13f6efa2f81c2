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
        for (var i = 0; i < 20_000; i++)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            EventWireWriter.WriteEvent(writer, factory.Make(Commune.Pc(i % 50), Commune.Start.AddSeconds(i), i));
            writer.Flush();
            bodies.Add(buffer.WrittenSpan.ToArray());
        }

        Console.WriteLine($"raw json: {bodies.Average(b => b.Length):F1} bytes mean");
        var watch = Stopwatch.StartNew();
        var dict = DictBuilder.TrainFromBufferFastCover(bodies.Take(4000), 10, 112 * 1024).ToArray();
        Console.WriteLine($"train fastcover 4000 samples: {watch.ElapsedMilliseconds} ms, {dict.Length} bytes");
        foreach (var level in new[] { 1, 3, 5, 9 })
        {
            foreach (var withDict in new[] { false, true })
            {
                using var c = new Compressor(level);
                c.SetParameter(ZstdSharp.Unsafe.ZSTD_cParameter.ZSTD_c_dictIDFlag, 0);
                if (withDict)
                    c.LoadDictionary(dict);
                watch.Restart();
                long total = 0;
                foreach (var b in bodies.Skip(4000))
                    total += c.Wrap(b).Length;
                var us = watch.Elapsed.TotalMicroseconds / (bodies.Count - 4000);
                Console.WriteLine($"level {level} dict {withDict}: {(double)total / (bodies.Count - 4000):F1} bytes, {us:F1} us/event");
            }
        }
    }
}
