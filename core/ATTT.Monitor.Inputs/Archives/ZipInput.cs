using System.IO.Compression;

namespace ATTT.Monitor.Inputs.Archives;

/// <summary>
/// The events of a zip archive: each entry named as an input (.evtx, .json, .jsonl, .ndjson) is read
/// as a file of its own, its kind told from its content, in ordinal order of the entry names. Entries
/// are streamed as they are inflated; an EVTX entry, which the EVTX reader needs to seek in, is
/// inflated to a temporary file first (deleted when read). An entry that cannot be read is reported
/// and the next one is read; archives inside the archive are not opened.
/// </summary>
internal sealed class ZipInput(string file, Action<InputWarning> warn, Func<string, string?, Stream, long, IEnumerable<InputRecord>> readJson)
{
    public IEnumerable<InputRecord> Read(Stream stream, FilePosition? resume)
    {
        using var archive = Open(stream);
        foreach (var entry in Entries(archive))
        {
            if (resume?.Entry is { } done && string.CompareOrdinal(entry.FullName, done) < 0)
                continue;
            var skip = resume is { } r && string.Equals(r.Entry, entry.FullName, StringComparison.Ordinal) ? r.Records : 0;
            using var records = ReadEntry(entry, skip).GetEnumerator();
            while (MoveNext(records, entry.FullName))
                yield return records.Current;
        }
    }

    private ZipArchive Open(Stream stream)
    {
        try
        {
            return new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw new InputFormatException($"{file} is not a readable zip archive: {ex.Message}", ex);
        }
    }

    private static List<ZipArchiveEntry> Entries(ZipArchive archive)
    {
        var entries = archive.Entries
            .Where(e => !e.FullName.EndsWith('/') && InputFiles.HasExtension(e.FullName, InputKinds.All))
            .ToList();
        entries.Sort((a, b) => string.CompareOrdinal(a.FullName, b.FullName));
        return entries;
    }

    private IEnumerable<InputRecord> ReadEntry(ZipArchiveEntry entry, long skip)
    {
        InputFileKind kind;
        using (var content = entry.Open())
        {
            var head = new byte[ContentSniffer.PeekSize];
            var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            kind = ContentSniffer.Detect(head.AsSpan(0, read));
            if (kind == InputFileKind.Json)
            {
                foreach (var record in readJson(file, entry.FullName, new PrefixedStream(head, read, content), skip))
                    yield return record;
                yield break;
            }
        }

        if (kind == InputFileKind.Evtx || InputFiles.HasExtension(entry.FullName, InputKinds.Evtx))
        {
            foreach (var record in ReadEvtx(entry, skip))
                yield return record;
            yield break;
        }

        warn(new InputWarning(InputWarningKind.Damage, file, entry.FullName, null, null,
            kind == InputFileKind.Zip ? "an archive inside the archive is not read" : "not EVTX, JSON or an archive; not read"));
    }

    // The entry is opened again: the first stream was consumed by the peek.
    private IEnumerable<InputRecord> ReadEvtx(ZipArchiveEntry entry, long skip)
    {
        using var temporary = new FileStream(Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 4096, FileOptions.DeleteOnClose);
        using (var content = entry.Open())
            content.CopyTo(temporary);
        foreach (var record in EvtxInput.Read(temporary, file, entry.FullName, skip, warn))
            yield return record;
    }

    // A damaged entry costs that entry only (its checksum or its compressed data is found bad as it is read).
    private bool MoveNext(IEnumerator<InputRecord> records, string entry)
    {
        try
        {
            return records.MoveNext();
        }
        catch (Exception ex) when (ex is InvalidDataException or InputFormatException)
        {
            warn(new InputWarning(InputWarningKind.Damage, file, entry, null, null, $"entry not read to its end: {ex.Message}"));
            return false;
        }
    }
}
