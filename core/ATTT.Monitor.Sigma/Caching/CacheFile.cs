using System.Buffers.Binary;
using System.IO.Hashing;

namespace ATTT.Monitor.Sigma.Caching;

/// <summary>
/// The layout of one cache file: a header (magic, engine version, content key, and the length and
/// XxHash3 checksum of each section), then two sections: the manifest of rule files and the
/// compiled set. The parsed form of each file (needed only to rebuild) is a file of its own beside
/// it, whose length and checksum the header holds. A section is trusted only if its checksum
/// matches, so a truncated or damaged file is detected and never used.
/// </summary>
internal sealed class CacheFile
{
    private static readonly byte[] Magic = "ATTTSRC3"u8.ToArray();

    public required string EngineVersion { get; init; }
    public required byte[] Key { get; init; }
    public required DateTimeOffset ManifestTime { get; init; }
    public required IReadOnlyList<ManifestEntry> Manifest { get; init; }
    public required ReadOnlyMemory<byte> Compiled { get; init; }

    /// <summary>The parsed-files file's length and checksum, as written with this cache file.</summary>
    public required long ParsedLength { get; init; }

    public required long ParsedChecksum { get; init; }

    public bool CompiledIntact { get; init; } = true;

    public static long Checksum(ReadOnlySpan<byte> data) => (long)XxHash3.HashToUInt64(data);

    public bool ParsedMatches(ReadOnlySpan<byte> parsed) => parsed.Length == ParsedLength && Checksum(parsed) == ParsedChecksum;

    public void Write(Stream target)
    {
        var manifest = new CacheWriter();
        manifest.Long(ManifestTime.UtcTicks);
        manifest.Count(Manifest.Count);
        foreach (var e in Manifest)
        {
            manifest.String(e.Path);
            manifest.Long(e.Length);
            manifest.Long(e.ModifiedTicks);
            manifest.Bytes(e.ContentHash);
        }

        var body = manifest.ToArray();
        var header = new CacheWriter();
        header.String(EngineVersion);
        header.Bytes(Key);
        foreach (var section in new[] { body, Compiled })
        {
            header.Long(section.Length);
            header.Long(Checksum(section.Span));
        }

        header.Long(ParsedLength);
        header.Long(ParsedChecksum);

        var head = header.ToArray();
        target.Write(Magic);
        target.Write(BitConverter.GetBytes(head.Length));
        target.Write(head);
        target.Write(BitConverter.GetBytes(Checksum(head)));
        target.Write(body);
        target.Write(Compiled.Span);
    }

    /// <summary>Reads the header and manifest; sections whose checksum fails are marked, not thrown.</summary>
    /// <exception cref="CacheFormatException">The file is not a cache file, or its header or manifest is damaged.</exception>
    public static CacheFile Read(ReadOnlyMemory<byte> data)
    {
        var bytes = data.Span;
        if (bytes.Length < Magic.Length + 4 || !bytes[..Magic.Length].SequenceEqual(Magic))
            throw new CacheFormatException("it is not an ATTT rule cache of this format");
        var headLength = BinaryPrimitives.ReadInt32LittleEndian(bytes[Magic.Length..]);
        var at = Magic.Length + 4;
        if (headLength < 0 || headLength > bytes.Length - at - 8) throw new CacheFormatException("its header is truncated");
        var head = data.Slice(at, headLength);
        at += headLength;
        if (Checksum(head.Span) != BinaryPrimitives.ReadInt64LittleEndian(bytes[at..])) throw new CacheFormatException("its header checksum does not match");
        at += 8;

        var h = new CacheReader(head);
        var engine = h.Text();
        var key = h.Bytes();
        var sections = new (ReadOnlyMemory<byte> Data, bool Intact)[2];
        for (var i = 0; i < 2; i++)
        {
            var length = h.Long();
            var sum = h.Long();
            if (length < 0 || length > data.Length - at) throw new CacheFormatException("it is truncated");
            var section = data.Slice(at, (int)length);
            sections[i] = (section, Checksum(section.Span) == sum);
            at += (int)length;
        }

        var parsedLength = h.Long();
        var parsedChecksum = h.Long();
        if (at != data.Length) throw new CacheFormatException("it has bytes after its last section");

        if (!sections[0].Intact) throw new CacheFormatException("its manifest checksum does not match");
        var m = new CacheReader(sections[0].Data);
        var time = new DateTimeOffset(Math.Clamp(m.Long(), 0, DateTimeOffset.MaxValue.UtcTicks), TimeSpan.Zero);
        var manifest = new List<ManifestEntry>();
        for (var n = m.Count(); n > 0; n--) manifest.Add(new ManifestEntry(m.Text(), m.Long(), m.Long(), m.Bytes()));
        return new CacheFile
        {
            EngineVersion = engine,
            Key = key,
            ManifestTime = time,
            Manifest = manifest,
            Compiled = sections[1].Data,
            CompiledIntact = sections[1].Intact,
            ParsedLength = parsedLength,
            ParsedChecksum = parsedChecksum,
        };
    }
}
