using System.Buffers;
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
        using var json = new Utf8JsonWriter(output, EvtxDocument.JsonWriterOptions);
        var scratch = new ArrayBufferWriter<byte>(4096);
        string? badInput = null;
        foreach (var file in files)
        {
            var warnings = new List<EvtxWarning>();
            try
            {
                foreach (var document in EvtxFile.ReadDocuments(file.FullName, options, warnings.Add))
                {
                    cancel.ThrowIfCancellationRequested();
                    if (format == "xml")
                        output.Write(Encoding.UTF8.GetBytes(document.ToXml()));
                    else
                        WriteJson(document, json, output, scratch);
                    output.WriteByte((byte)'\n');
                }
            }
            catch (EvtxFormatException ex)
            {
                // The first one becomes the command's error sentence; later ones are listed as they come.
                if (badInput is null)
                    badInput = ex.Message;
                else
                    await context.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            }

            foreach (var w in warnings)
            {
                var where = w.Chunk < 0 ? "file header" : $"chunk {w.Chunk} at offset {w.Offset}";
                await context.Error.WriteLineAsync($"warning: {w.File}: {where}: {w.Message}").ConfigureAwait(false);
            }
        }

        return badInput;
    }

    private static void WriteJson(EvtxDocument document, Utf8JsonWriter writer, Stream output, ArrayBufferWriter<byte> scratch)
    {
        if (!document.Recovered)
        {
            writer.Reset(output);
            document.WriteJson(writer);
            return;
        }

        // The regression-data shape has no place for it, so a recovered record gets one more
        // top-level key in place of its closing brace.
        scratch.ResetWrittenCount();
        writer.Reset(scratch);
        document.WriteJson(writer);
        output.Write(scratch.WrittenSpan[..^1]);
        output.Write(""","Recovered":true}"""u8);
    }
}
