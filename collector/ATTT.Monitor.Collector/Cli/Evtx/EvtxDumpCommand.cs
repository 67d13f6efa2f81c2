using System.Buffers;
using System.Text;
using System.Text.Json;
using ATTT.Monitor.Evtx;

namespace ATTT.Monitor.Collector.Cli.Evtx;

/// <summary>
/// Runs <c>attt evtx dump</c>. Records go to stdout in large writes (one JSON object or one XML
/// record per line); damaged parts that were skipped are reported on stderr as warnings. A file
/// that is missing or not EVTX is bad input (exit 2) after the other files have been dumped.
/// </summary>
internal static class EvtxDumpCommand
{
    private const int FlushThreshold = 256 * 1024;

    public static async Task<int> RunAsync(CliContext context, FileInfo[] files, string format, bool recoverDeleted, CancellationToken cancel)
    {
        var missing = files.FirstOrDefault(f => !f.Exists);
        if (missing is not null)
            throw new BadInputException($"evtx dump: the file '{missing.FullName}' does not exist.");

        var options = new EvtxReadOptions { RecoverDeleted = recoverDeleted };
        var output = new StringBuilder(FlushThreshold + 16_384);
        var json = new ArrayBufferWriter<byte>(16_384);
        using var jsonWriter = new Utf8JsonWriter(json, EvtxDocument.JsonWriterOptions);
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
                        output.Append(document.ToXml());
                    else
                        AppendJson(document, json, jsonWriter, output);
                    output.Append('\n');
                    if (output.Length >= FlushThreshold)
                        await FlushAsync(context.Out, output).ConfigureAwait(false);
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

        await FlushAsync(context.Out, output).ConfigureAwait(false);
        await context.Out.FlushAsync(cancel).ConfigureAwait(false);
        if (badInput is not null)
            throw new BadInputException(badInput);
        return ExitCodes.Success;
    }

    private static void AppendJson(EvtxDocument document, ArrayBufferWriter<byte> json, Utf8JsonWriter writer, StringBuilder output)
    {
        json.ResetWrittenCount();
        writer.Reset(json);
        if (document.Recovered)
        {
            // The regression-data shape has no place for it, so a recovered record gets one extra top-level key.
            writer.WriteStartObject();
            writer.WritePropertyName("Recovered");
            writer.WriteBooleanValue(true);
            writer.WriteEndObject();
            writer.Flush();
            var marker = Encoding.UTF8.GetString(json.WrittenSpan);
            json.ResetWrittenCount();
            writer.Reset(json);
            document.WriteJson(writer);
            var record = Encoding.UTF8.GetString(json.WrittenSpan);
            output.Append(record, 0, record.Length - 1).Append(',').Append(marker, 1, marker.Length - 1);
            return;
        }

        document.WriteJson(writer);
        output.Append(Encoding.UTF8.GetString(json.WrittenSpan));
    }

    private static async Task FlushAsync(TextWriter writer, StringBuilder output)
    {
        if (output.Length == 0)
            return;
        foreach (var piece in output.GetChunks())
            await writer.WriteAsync(piece).ConfigureAwait(false);
        output.Clear();
    }
}
