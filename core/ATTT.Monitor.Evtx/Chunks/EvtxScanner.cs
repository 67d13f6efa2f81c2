using System.Buffers;
using System.Buffers.Binary;

namespace ATTT.Monitor.Evtx.Chunks;

/// <summary>
/// Walks the chunks of an EVTX file through one reused 64 KiB buffer and finds the records in each.
/// Trusts nothing in the headers that it cannot check: it reads every chunk-sized block that is
/// present (dirty logs have chunks past the header's count), checks signatures, sizes and checksums,
/// and resynchronises on the next record signature after damage.
/// </summary>
internal sealed class EvtxScanner
{
    public const int FileHeaderSize = 4096;
    public const int ChunkSize = 65536;
    public const int ChunkHeaderSize = 512;
    private const uint RecordSignature = 0x00002a2a;
    private static ReadOnlySpan<byte> FileSignature => "ElfFile\0"u8;
    private static ReadOnlySpan<byte> ChunkSignature => "ElfChnk\0"u8;
    private static ReadOnlySpan<byte> RecordMagic => [0x2a, 0x2a, 0, 0];

    private readonly string _path;
    private readonly Func<Stream> _open;
    private readonly bool _recover;
    private readonly Action<EvtxWarning>? _onWarning;

    /// <param name="path">The name used in warnings and errors.</param>
    /// <param name="open">Opens the (seekable) data; the stream is disposed when the walk ends.</param>
    public EvtxScanner(string path, Func<Stream> open, bool recoverDeleted, Action<EvtxWarning>? onWarning)
    {
        _path = path;
        _open = open;
        _recover = recoverDeleted;
        _onWarning = onWarning;
    }

    private Stream? _file;
    private long _chunkStart;

    /// <summary>
    /// The current chunk's bytes; valid from one chunk's first slot until the next chunk's, and only
    /// while <see cref="Records"/> is being enumerated. Only the first <see cref="Loaded"/> bytes are
    /// read; the chunk is <see cref="Length"/> bytes long.
    /// </summary>
    public byte[] Buffer { get; private set; } = [];

    public int Length { get; private set; }

    /// <summary>
    /// How much of the current chunk has been read. Without recovery of deleted records, a complete
    /// chunk is read only up to its free space (its header and records: a third of the bytes of the
    /// attack samples' chunks); <see cref="LoadRest"/> reads the rest when something reaches past it.
    /// </summary>
    public int Loaded { get; private set; }

    /// <summary>Reads every chunk whole (see <see cref="EvtxReadOptions.ReadWholeChunks"/>).</summary>
    public bool ReadWholeChunks { get; init; }

    public IEnumerable<RecordSlot> Records()
    {
        using var file = _open();
        if (!file.CanSeek)
            throw new ArgumentException("An EVTX stream must be seekable.", nameof(file));
        CheckFileHeader(file);
        var fileLength = file.Length;
        var chunk = 0;
        // Most logs are small: a fresh 64 KiB buffer per file was half of all the memory that
        // reading allocated. Every read below is bounded by Length, so stale bytes are never seen.
        Buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        _file = file;
        try
        {
            for (long start = FileHeaderSize; start < fileLength; start += ChunkSize, chunk++)
            {
                _chunkStart = start;
                file.Position = start;
                if (!_recover && !ReadWholeChunks && file.Length - start >= ChunkSize)
                {
                    // A complete chunk: its header first, the rest as far as it is needed.
                    Length = ChunkSize;
                    Loaded = file.ReadAtLeast(Buffer.AsSpan(0, ChunkHeaderSize), ChunkHeaderSize, throwOnEndOfStream: false);
                    if (Loaded < ChunkHeaderSize)
                        Length = Loaded;
                }
                else
                {
                    Length = Loaded = file.ReadAtLeast(Buffer.AsSpan(0, ChunkSize), ChunkSize, throwOnEndOfStream: false);
                }

                if (!CheckChunk(chunk, start, out var freeSpace))
                    continue;
                foreach (var slot in RecordsOfChunk(chunk, start, freeSpace))
                    yield return slot;
            }
        }
        finally
        {
            var rented = Buffer;
            Buffer = [];
            Length = Loaded = 0;
            _file = null;
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Reads the rest of the current chunk; false if it was all read already.</summary>
    public bool LoadRest()
    {
        if (Loaded >= Length)
            return false;
        Load(Length);
        return true;
    }

    private void Load(int upTo)
    {
        if (Loaded >= upTo || _file is null)
            return;
        _file.Position = _chunkStart + Loaded;
        var read = _file.ReadAtLeast(Buffer.AsSpan(Loaded, upTo - Loaded), upTo - Loaded, throwOnEndOfStream: false);
        Loaded += read;
        // The file was cut while we read it: what is there is the chunk, as a whole read would have found.
        if (Loaded < upTo)
            Length = Loaded;
    }

    private void CheckFileHeader(Stream file)
    {
        file.Position = 0;
        Span<byte> header = stackalloc byte[128];
        var read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (read >= 8 && header[..8].SequenceEqual(FileSignature))
        {
            if (read == 128 && Crc32.Compute(header[..120]) != BinaryPrimitives.ReadUInt32LittleEndian(header[124..]))
                Warn(-1, 0, "file header checksum mismatch; reading the chunks anyway");
            return;
        }

        if (!HasAnyChunk(file))
            throw new EvtxFormatException($"{_path} is not an EVTX file: it has no 'ElfFile' header and no event chunk.");
        Warn(-1, 0, "file header damaged; reading the chunks anyway");
    }

    private static bool HasAnyChunk(Stream file)
    {
        Span<byte> signature = stackalloc byte[8];
        for (long start = FileHeaderSize; start + 8 <= file.Length; start += ChunkSize)
        {
            file.Position = start;
            if (file.ReadAtLeast(signature, 8, throwOnEndOfStream: false) == 8 && signature.SequenceEqual(ChunkSignature))
                return true;
        }

        return false;
    }

    private bool CheckChunk(int chunk, long start, out int freeSpace)
    {
        freeSpace = 0;
        var data = Buffer.AsSpan(0, Loaded);
        if (Length < ChunkHeaderSize || !data[..8].SequenceEqual(ChunkSignature))
        {
            LoadRest();
            data = Buffer.AsSpan(0, Length);
            // Preallocated, never used chunks are all zeros: nothing to say about them.
            if (data.IndexOfAnyExcept((byte)0) >= 0)
                Warn(chunk, start, Length < ChunkHeaderSize ? "truncated chunk skipped" : "block without a chunk signature skipped");
            return false;
        }

        if (Length < ChunkSize)
            Warn(chunk, start, $"truncated chunk ({Length} of {ChunkSize} bytes); reading what is there");

        var headerCrc = Crc32.Append(Crc32.Compute(data[..120]), data[128..ChunkHeaderSize]);
        if (headerCrc != BinaryPrimitives.ReadUInt32LittleEndian(data[124..]))
            Warn(chunk, start, "chunk header checksum mismatch");

        freeSpace = BinaryPrimitives.ReadInt32LittleEndian(data[48..]);
        if (freeSpace < ChunkHeaderSize || freeSpace > ChunkSize)
        {
            Warn(chunk, start, $"chunk free-space offset {freeSpace} out of range");
            freeSpace = Length;
        }
        else if (freeSpace <= Length)
        {
            Load(freeSpace);
            if (Loaded < freeSpace)
            {
                Warn(chunk, start, $"truncated chunk ({Length} of {ChunkSize} bytes); reading what is there");
                return true;
            }

            if (Crc32.Compute(Buffer.AsSpan(ChunkHeaderSize, freeSpace - ChunkHeaderSize)) != BinaryPrimitives.ReadUInt32LittleEndian(data[52..]))
                Warn(chunk, start, "chunk records checksum mismatch");
        }

        Load(Math.Min(freeSpace, Length));
        return true;
    }

    private IEnumerable<RecordSlot> RecordsOfChunk(int chunk, long start, int freeSpace)
    {
        var limit = Math.Min(freeSpace, Length);
        var pos = ChunkHeaderSize;
        while (pos + 24 <= limit)
        {
            if (TryRecord(pos, out var size))
            {
                yield return Slot(chunk, pos, size, false);
                pos += size;
                continue;
            }

            if (Buffer.AsSpan(pos, limit - pos).IndexOfAnyExcept((byte)0) < 0)
                break;
            Warn(chunk, start + pos, "damaged record skipped");
            pos = NextSignature(pos + 1, limit);
        }

        if (!_recover)
            yield break;
        pos = Math.Max(limit, ChunkHeaderSize);
        while (pos + 24 <= Length)
        {
            pos = NextSignature(pos, Length);
            if (pos + 24 > Length)
                break;
            if (TryRecord(pos, out var size))
            {
                yield return Slot(chunk, pos, size, true);
                pos += size;
            }
            else
            {
                pos++;
            }
        }
    }

    private RecordSlot Slot(int chunk, int pos, int size, bool recovered)
    {
        var span = Buffer.AsSpan(pos);
        return new RecordSlot(chunk, pos, size, BinaryPrimitives.ReadInt64LittleEndian(span[8..]),
            BinaryPrimitives.ReadInt64LittleEndian(span[16..]), recovered);
    }

    private int NextSignature(int from, int limit)
    {
        if (from >= limit)
            return limit;
        var found = Buffer.AsSpan(from, limit - from).IndexOf(RecordMagic);
        return found < 0 ? limit : from + found;
    }

    private bool TryRecord(int pos, out int size)
    {
        var span = Buffer.AsSpan(0, Length);
        size = 0;
        if (BinaryPrimitives.ReadUInt32LittleEndian(span[pos..]) != RecordSignature)
            return false;
        var declared = BinaryPrimitives.ReadUInt32LittleEndian(span[(pos + 4)..]);
        if (declared < 32 || declared > (uint)(Length - pos))
            return false;
        size = (int)declared;
        if (pos + size > Loaded)
        {
            LoadRest();
            if (pos + size > Length)
                return false;
            span = Buffer.AsSpan(0, Length);
        }

        return BinaryPrimitives.ReadUInt32LittleEndian(span[(pos + size - 4)..]) == declared;
    }

    private void Warn(int chunk, long offset, string message) =>
        _onWarning?.Invoke(new EvtxWarning(_path, chunk, offset, message));
}
