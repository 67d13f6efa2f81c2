using ATTT.Monitor.Evtx.BinXml;
using ATTT.Monitor.Evtx.Chunks;
using ATTT.Monitor.Evtx.Model;
using ATTT.Monitor.Evtx.Rendering;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Evtx;

/// <summary>Reads Windows XML Event Log (.evtx) files.</summary>
public static class EvtxFile
{
    /// <summary>
    /// Streams the records of <paramref name="path"/> in file order as <see cref="EventRecord"/>s.
    /// Memory stays flat (one 64 KiB chunk at a time). Damaged parts are skipped and reported to
    /// <paramref name="onWarning"/>. Enumeration throws <see cref="EvtxFormatException"/> when the
    /// file is not EVTX at all, and the usual I/O exceptions when it cannot be read.
    /// </summary>
    public static IEnumerable<EventRecord> ReadEvents(string path, EvtxReadOptions? options = null, Action<EvtxWarning>? onWarning = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ReadEventsCore(path, () => OpenFile(path), options ?? new EvtxReadOptions(), onWarning);
    }

    /// <summary>
    /// As <see cref="ReadEvents(string, EvtxReadOptions?, Action{EvtxWarning}?)"/> over a seekable
    /// stream (an upload, a file in an archive). <paramref name="name"/> names it in warnings and
    /// errors. The stream is read from position 0 and left open.
    /// </summary>
    public static IEnumerable<EventRecord> ReadEvents(Stream stream, string name, EvtxReadOptions? options = null, Action<EvtxWarning>? onWarning = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        return ReadEventsCore(name, () => new NonClosingStream(stream), options ?? new EvtxReadOptions(), onWarning);
    }

    private static IEnumerable<EventRecord> ReadEventsCore(string path, Func<Stream> open, EvtxReadOptions options, Action<EvtxWarning>? onWarning)
    {
        var builder = new EventRecordBuilder();
        foreach (var record in Expand(path, open, options, onWarning, new EventRecordVisitor(builder)))
        {
            yield return builder.Build(record);
        }
    }

    /// <summary>
    /// Streams the records of <paramref name="path"/> as element trees for rendering as XML or JSON
    /// (see <see cref="EvtxDocument"/>). Same streaming and damage handling as <see cref="ReadEvents"/>.
    /// </summary>
    public static IEnumerable<EvtxDocument> ReadDocuments(string path, EvtxReadOptions? options = null, Action<EvtxWarning>? onWarning = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ReadDocumentsCore(path, () => OpenFile(path), options ?? new EvtxReadOptions(), onWarning);
    }

    /// <summary>As <see cref="ReadDocuments(string, EvtxReadOptions?, Action{EvtxWarning}?)"/> over a seekable stream, left open.</summary>
    public static IEnumerable<EvtxDocument> ReadDocuments(Stream stream, string name, EvtxReadOptions? options = null, Action<EvtxWarning>? onWarning = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        return ReadDocumentsCore(name, () => new NonClosingStream(stream), options ?? new EvtxReadOptions(), onWarning);
    }

    private static IEnumerable<EvtxDocument> ReadDocumentsCore(string path, Func<Stream> open, EvtxReadOptions options, Action<EvtxWarning>? onWarning)
    {
        var builder = new XmlTreeBuilder();
        foreach (var record in Expand(path, open, options, onWarning, new XmlTreeVisitor(builder)))
        {
            builder.Finish();
            if (builder.Root is { } root)
                yield return new EvtxDocument(root, record.RecordId, record.Recovered);
        }
    }

    /// <summary>
    /// Expands every record into <paramref name="visitor"/>; yields each record whose expansion
    /// succeeded, while the visitor still holds its content.
    /// </summary>
    internal static IEnumerable<RecordSlot> Expand<TVisitor>(string path, Func<Stream> open, EvtxReadOptions options, Action<EvtxWarning>? onWarning, TVisitor visitor)
        where TVisitor : IRecordVisitor
    {
        var scanner = new EvtxScanner(path, open, options.RecoverDeleted, onWarning) { ReadWholeChunks = options.ReadWholeChunks };
        var expander = new BinXmlExpander();
        var chunk = -1;
        var loaded = 0;
        foreach (var slot in scanner.Records())
        {
            if (slot.Chunk != chunk)
            {
                expander.ResetChunk(scanner.Buffer, scanner.Loaded);
                chunk = slot.Chunk;
                loaded = scanner.Loaded;
            }
            else if (scanner.Loaded != loaded)
            {
                expander.ExtendChunk(scanner.Loaded);
                loaded = scanner.Loaded;
            }

            var budget = expander.ChunkBudget;
            var error = ExpandRecord(expander, slot, visitor);
            if (error is not null && scanner.LoadRest())
            {
                // Only part of the chunk had been read, and the record reaches past it (a damaged one
                // can point anywhere): read the rest and expand it again, as if all had been read at once.
                expander.UndoRecord(budget);
                expander.ExtendChunk(scanner.Loaded);
                loaded = scanner.Loaded;
                error = ExpandRecord(expander, slot, visitor);
            }

            if (error is null)
            {
                yield return slot;
                continue;
            }

            // A deleted record in slack is often partly overwritten; the forensic reader still
            // needs to know that one was there and could not be read, and where to look.
            var what = slot.Recovered ? $"deleted record {slot.RecordId} in chunk slack not recovered" : $"record {slot.RecordId} skipped";
            onWarning?.Invoke(new EvtxWarning(path, slot.Chunk,
                EvtxScanner.FileHeaderSize + ((long)slot.Chunk * EvtxScanner.ChunkSize) + slot.Offset,
                $"{what}: {error}"));
        }
    }

    /// <summary>Expands one record into <paramref name="visitor"/>; the error if it cannot be expanded.</summary>
    private static string? ExpandRecord<TVisitor>(BinXmlExpander expander, RecordSlot slot, TVisitor visitor)
        where TVisitor : IRecordVisitor
    {
        try
        {
            visitor.Begin();
            expander.Expand(slot.Offset + 24, slot.Offset + slot.Size - 4, visitor);
            return null;
        }
        catch (BinXmlException ex)
        {
            return ex.Message;
        }
        catch (Exception ex) when (ex is ArgumentException or IndexOutOfRangeException or InvalidOperationException or OverflowException)
        {
            // Defence in depth: a read the compiler did not bound-check must still cost one record only.
            return ex.Message;
        }
    }

    // A live log is still being written by Windows: share everything so reading never blocks it.
    private static FileStream OpenFile(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
}
