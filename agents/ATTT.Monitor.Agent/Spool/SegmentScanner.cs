namespace ATTT.Monitor.Agent.Spool;

/// <summary>
/// Reads the frames of one segment file in order, stopping at the first frame that is short or fails
/// its CRC (a torn write from a crash or power cut): everything before it is intact.
/// </summary>
internal static class SegmentScanner
{
    public sealed record ScanResult(List<SpoolEntry> Entries, long ValidLength, long FileLength);

    public static ScanResult Scan(string path, long segment)
    {
        var entries = new List<SpoolEntry>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = stream.Length;
        var header = new byte[SpoolFrame.HeaderSize];
        long offset = 0;
        byte[] payload = [];
        while (offset + SpoolFrame.HeaderSize <= length)
        {
            stream.Position = offset;
            stream.ReadExactly(header);
            if (!SpoolFrame.TryReadHeader(header, out var payloadLength, out var crc)
                || offset + SpoolFrame.HeaderSize + payloadLength > length)
                break;
            if (payload.Length < payloadLength)
                payload = new byte[payloadLength];
            stream.ReadExactly(payload, 0, payloadLength);
            if (!SpoolFrame.TryDecode(payload.AsSpan(0, payloadLength), crc, out var seq, out var count, out var position, out _, out _))
                break;
            var frameLength = SpoolFrame.HeaderSize + payloadLength;
            entries.Add(new SpoolEntry(seq, count, segment, offset, frameLength, position));
            offset += frameLength;
        }

        return new ScanResult(entries, offset, length);
    }
}
