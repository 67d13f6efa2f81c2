namespace ATTT.Monitor.Inputs;

/// <summary>Tells a file's kind from its first bytes (and, for an EVTX file whose header is damaged, its first chunk).</summary>
internal static class ContentSniffer
{
    /// <summary>How many bytes <see cref="Detect(ReadOnlySpan{byte})"/> looks at.</summary>
    public const int PeekSize = 64;

    private const int EvtxChunkOffset = 4096;

    public static InputFileKind Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("ElfFile\0"u8))
            return InputFileKind.Evtx;
        // A local file header, or the end record of an empty archive.
        if (head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8))
            return InputFileKind.Zip;
        if (head.StartsWith("\uFEFF"u8))
            head = head[3..];
        var first = head.IndexOfAnyExcept(" \t\r\n"u8);
        if (first < 0)
            return head.Length < PeekSize ? InputFileKind.Json : InputFileKind.Unknown; // empty or blank: no records
        return head[first] is (byte)'{' or (byte)'[' ? InputFileKind.Json : InputFileKind.Unknown;
    }

    /// <summary>The kind of a seekable stream, which is left at position 0.</summary>
    public static InputFileKind Detect(Stream stream)
    {
        Span<byte> head = stackalloc byte[PeekSize];
        stream.Position = 0;
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var kind = Detect(head[..read]);
        if (kind == InputFileKind.Unknown && HasChunkSignature(stream))
            kind = InputFileKind.Evtx;
        stream.Position = 0;
        return kind;
    }

    // The EVTX reader reads a file whose header is damaged as long as its chunks are there.
    private static bool HasChunkSignature(Stream stream)
    {
        if (stream.Length < EvtxChunkOffset + 8)
            return false;
        Span<byte> signature = stackalloc byte[8];
        stream.Position = EvtxChunkOffset;
        return stream.ReadAtLeast(signature, 8, throwOnEndOfStream: false) == 8 && signature.SequenceEqual("ElfChnk\0"u8);
    }
}
