using System.Buffers;
using System.Text;
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

    // Synchronous from the command's action down: a one-shot dump otherwise instantiates the async
    // state machines of every await on the way (unoptimised code the framework does not precompile),
    // and the stdout flush (Stream.FlushAsync on the console stream) moved the rest of the run to a
    // thread-pool thread. Ctrl+C still cancels through the token, checked per record.
    public static int Run(CliContext context, FileInfo[] files, string format, bool recoverDeleted, CancellationToken cancel)
    {
        var missing = files.FirstOrDefault(f => !f.Exists);
        if (missing is not null)
            throw new BadInputException($"evtx dump: the file '{missing.FullName}' does not exist.");

        var console = ReferenceEquals(context.Out, Console.Out);
        if (console)
            context.Out.Flush();
        using var sink = console ? Console.OpenStandardOutput() : new TextWriterStream(context.Out);
        using var buffered = new BufferedStream(sink, BufferSize);
        var badInput = Dump(context, files, format, recoverDeleted, buffered, cancel);
        buffered.Flush();
        if (badInput is not null)
            throw new BadInputException(badInput);
        return ExitCodes.Success;
    }

    private static string? Dump(CliContext context, FileInfo[] files, string format, bool recoverDeleted, Stream output, CancellationToken cancel)
    {
        var options = new EvtxReadOptions { RecoverDeleted = recoverDeleted };
        // Records are written into one growing buffer and handed to the output in large blocks (one
        // write system call per record otherwise).
        var pending = new ArrayBufferWriter<byte>(BufferSize);
        using var json = new EvtxJsonWriter();
        string? badInput = null;
        foreach (var file in files)
        {
            var warnings = new List<EvtxWarning>();
            try
            {
                DumpFile(file, format == "xml", options, warnings, output, pending, json, cancel);
            }
            catch (EvtxFormatException ex)
            {
                // The first one becomes the command's error sentence; later ones are listed as they come.
                if (badInput is null)
                    badInput = ex.Message;
                else
                    context.Error.WriteLine(ex.Message);
            }

            // Records before warnings, as before: what was read of this file is out before its warnings are.
            output.Write(pending.WrittenSpan);
            pending.ResetWrittenCount();
            foreach (var w in warnings)
            {
                var where = w.Chunk < 0 ? "file header" : $"chunk {w.Chunk} at offset {w.Offset}";
                context.Error.WriteLine($"warning: {w.File}: {where}: {w.Message}");
            }
        }

        return badInput;
    }

    // The per-record loop. Like the reader it is precompiled in Release builds (ReadyToRun.targets), so
    // it carries no AggressiveOptimization: the runtime ignores precompiled code of such methods and
    // compiles them at first call, which in a one-shot dump cost more than it gained.
    private static void DumpFile(FileInfo file, bool xml, EvtxReadOptions options, List<EvtxWarning> warnings, Stream output,
        ArrayBufferWriter<byte> pending, EvtxJsonWriter json, CancellationToken cancel)
    {
        foreach (var document in EvtxFile.ReadDocuments(file.FullName, options, warnings.Add))
        {
            cancel.ThrowIfCancellationRequested();
            if (xml)
            {
                Encoding.UTF8.GetBytes(document.ToXml(), pending);
            }
            else
            {
                var bytes = json.Render(document);
                if (!document.Recovered)
                {
                    pending.Write(bytes);
                }
                else
                {
                    // The regression-data shape has no place for it, so a recovered record gets one
                    // more top-level key in place of its closing brace.
                    pending.Write(bytes[..^1]);
                    pending.Write(""","Recovered":true}"""u8);
                }
            }

            pending.Write("\n"u8);
            if (pending.WrittenCount >= BufferSize)
            {
                output.Write(pending.WrittenSpan);
                pending.ResetWrittenCount();
            }
        }
    }
}
