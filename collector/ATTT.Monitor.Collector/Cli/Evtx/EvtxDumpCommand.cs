using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using ATTT.Monitor.Evtx;

namespace ATTT.Monitor.Collector.Cli.Evtx;

/// <summary>
/// Runs <c>attt evtx dump</c>. Records go to stdout (one JSON object or one XML record per line)
/// through one UTF-8 buffer, written straight to the stdout stream when the command writes to the
/// console; damaged parts that were skipped are reported on stderr as warnings. A file that is
/// missing or not EVTX is bad input (exit 2), reported after the other files have been dumped.
/// </summary>
internal static class EvtxDumpCommand
{
    private const int BufferSize = 256 * 1024;

    public static async Task<int> RunAsync(CliContext context, FileInfo[] files, string format, bool recoverDeleted, CancellationToken cancel)
    {
        var missing = files.FirstOrDefault(f => !f.Exists);
        if (missing is not null)
            throw new BadInputException($"evtx dump: the file '{missing.FullName}' does not exist.");

        var console = ReferenceEquals(context.Out, Console.Out);
        if (console)
            await context.Out.FlushAsync(cancel).ConfigureAwait(false);
        var sink = console ? Console.OpenStandardOutput() : new TextWriterStream(context.Out);
        await using (sink.ConfigureAwait(false))
        {
            var buffered = new BufferedStream(sink, BufferSize);
            await using (buffered.ConfigureAwait(false))
            {
                var badInput = await DumpAsync(context, files, format, recoverDeleted, buffered, cancel).ConfigureAwait(false);
                await buffered.FlushAsync(cancel).ConfigureAwait(false);
                if (badInput is not null)
                    throw new BadInputException(badInput);
            }
        }

        return ExitCodes.Success;
    }

    private static async Task<string?> DumpAsync(CliContext context, FileInfo[] files, string format, bool recoverDeleted, Stream output, CancellationToken cancel)
    {
        var options = new EvtxReadOptions { RecoverDeleted = recoverDeleted };
        // JSON is written into one growing buffer and handed to the output in large blocks: a
        // Utf8JsonWriter over a Stream flushes that stream after every record, which for stdout
        // was one write system call per record.
        var pending = new ArrayBufferWriter<byte>(BufferSize);
        using var json = new Utf8JsonWriter(pending, EvtxDocument.JsonWriterOptions);
        var scratch = new ArrayBufferWriter<byte>(4096);
        string? badInput = null;
        foreach (var file in files)
        {
            var warnings = new List<EvtxWarning>();
            try
            {
                DumpFile(file, format == "xml", options, warnings, output, pending, json, scratch, cancel);
            }
            catch (EvtxFormatException ex)
            {
                // The first one becomes the command's error sentence; later ones are listed as they come.
                if (badInput is null)
                    badInput = ex.Message;
                else
                    await context.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            }

            // Records before warnings, as before: what was read of this file is out before its warnings are.
            output.Write(pending.WrittenSpan);
            pending.ResetWrittenCount();
            foreach (var w in warnings)
            {
                var where = w.Chunk < 0 ? "file header" : $"chunk {w.Chunk} at offset {w.Offset}";
                await context.Error.WriteLineAsync($"warning: {w.File}: {where}: {w.Message}").ConfigureAwait(false);
            }
        }

        return badInput;
    }

    // The per-record loop, out of the async method: a one-shot dump otherwise runs it as the async
    // state machine's unoptimised first-tier code; this way it is compiled optimised on first call.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DumpFile(FileInfo file, bool xml, EvtxReadOptions options, List<EvtxWarning> warnings, Stream output,
        ArrayBufferWriter<byte> pending, Utf8JsonWriter json, ArrayBufferWriter<byte> scratch, CancellationToken cancel)
    {
        foreach (var document in EvtxFile.ReadDocuments(file.FullName, options, warnings.Add))
        {
            cancel.ThrowIfCancellationRequested();
            if (xml)
                Append(pending, Encoding.UTF8.GetBytes(document.ToXml()));
            else
                WriteJson(document, json, pending, scratch);
            Append(pending, "\n"u8);
            if (pending.WrittenCount >= BufferSize)
            {
                output.Write(pending.WrittenSpan);
                pending.ResetWrittenCount();
            }
        }
    }

    private static void Append(ArrayBufferWriter<byte> buffer, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer.GetSpan(bytes.Length));
        buffer.Advance(bytes.Length);
    }

    private static void WriteJson(EvtxDocument document, Utf8JsonWriter writer, ArrayBufferWriter<byte> pending, ArrayBufferWriter<byte> scratch)
    {
        if (!document.Recovered)
        {
            writer.Reset(pending);
            document.WriteJson(writer);
            return;
        }

        // The regression-data shape has no place for it, so a recovered record gets one more
        // top-level key in place of its closing brace.
        scratch.ResetWrittenCount();
        writer.Reset(scratch);
        document.WriteJson(writer);
        Append(pending, scratch.WrittenSpan[..^1]);
        Append(pending, ""","Recovered":true}"""u8);
    }
}
