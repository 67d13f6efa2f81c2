using ATTT.Monitor.Inputs.Archives;
using ATTT.Monitor.Inputs.Json;

namespace ATTT.Monitor.Inputs;

/// <summary>
/// Reads the events of a file in any format the field has, told from the file's content, not its
/// name: EVTX; JSON in the evtx-dump shape, OTRF/Mordor flattened, Winlogbeat/ECS or NXLog, one record
/// per line, objects one after another, arrays of them, or an Elasticsearch search response; and zip
/// archives of any of these. Files are streamed (one EVTX chunk or one JSON record in memory at a
/// time). What cannot be read is reported to the warning callback and the rest is read: a bad JSON
/// record costs that record, a damaged EVTX record that record, a bad archive entry that entry.
/// Strings are sanitized as they are read (invalid UTF-8 and lone surrogates become U+FFFD).
/// </summary>
public sealed class EventFileReader
{
    private readonly Action<InputWarning>? _onWarning;
    private readonly int _maxRecordBytes;

    public EventFileReader(Action<InputWarning>? onWarning = null)
        : this(onWarning, JsonValueSplitter.DefaultMaxRecordBytes)
    {
    }

    internal EventFileReader(Action<InputWarning>? onWarning, int maxRecordBytes)
    {
        _onWarning = onWarning;
        _maxRecordBytes = maxRecordBytes;
    }

    /// <summary>JSON records skipped as bad so far, over every file this reader read.</summary>
    public long BadRecords { get; private set; }

    /// <summary>Warnings reported so far (bad records, EVTX damage, unread archive entries).</summary>
    public long Warnings { get; private set; }

    /// <summary>
    /// The events of the file at <paramref name="path"/>, after <paramref name="resumeAfter"/> when
    /// given. <paramref name="name"/> names it in warnings and errors (the path when null).
    /// Enumeration throws <see cref="InputFormatException"/> when the content is in no known format,
    /// and the usual I/O exceptions when the file cannot be read.
    /// </summary>
    public IEnumerable<InputRecord> Read(string path, string? name = null, FilePosition? resumeAfter = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ReadFile(path, name ?? path, resumeAfter);
    }

    /// <summary>As <see cref="Read(string, string?, FilePosition?)"/> over a seekable stream, which is left open.</summary>
    public IEnumerable<InputRecord> Read(Stream stream, string name, FilePosition? resumeAfter = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        if (!stream.CanSeek)
            throw new ArgumentException("The stream must be seekable (its kind is told from its first bytes).", nameof(stream));
        return ReadStream(stream, name, resumeAfter);
    }

    private IEnumerable<InputRecord> ReadFile(string path, string name, FilePosition? resumeAfter)
    {
        using var stream = InputFiles.OpenRead(path);
        foreach (var record in ReadStream(stream, name, resumeAfter))
            yield return record;
    }

    private IEnumerable<InputRecord> ReadStream(Stream stream, string name, FilePosition? resumeAfter)
    {
        var kind = ContentSniffer.Detect(stream);
        var skip = resumeAfter is { Entry: null } r ? r.Records : 0;
        var records = kind switch
        {
            InputFileKind.Evtx => EvtxInput.Read(stream, name, null, skip, Warn),
            InputFileKind.Json => ReadJson(name, null, stream, skip),
            InputFileKind.Zip => new ZipInput(name, Warn, ReadJson).Read(stream, resumeAfter),
            _ => throw new InputFormatException(Unrecognised(name, stream)),
        };
        foreach (var record in records)
            yield return record;
    }

    private IEnumerable<InputRecord> ReadJson(string name, string? entry, Stream stream, long skip) =>
        new JsonInput(name, entry, Warn, _maxRecordBytes).Read(stream, skip);

    private void Warn(InputWarning warning)
    {
        Warnings++;
        if (warning.Kind == InputWarningKind.BadRecord)
            BadRecords++;
        _onWarning?.Invoke(warning);
    }

    private static string Unrecognised(string name, Stream stream)
    {
        Span<byte> head = stackalloc byte[2];
        stream.Position = 0;
        var read = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        var utf16 = read == 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF));
        return utf16
            ? $"{name} is UTF-16 text; event files are read as UTF-8 (save or export it as UTF-8)."
            : $"{name} is not an event file: not EVTX, not JSON (an object or array), not a zip archive.";
    }
}
