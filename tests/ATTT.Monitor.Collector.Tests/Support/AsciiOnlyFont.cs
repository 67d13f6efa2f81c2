using System.Buffers.Binary;

namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>
/// The smallest TrueType file a character map reader accepts: one cmap table (Windows Unicode BMP,
/// format 4) with glyphs for printable ASCII only, as a Latin-1-era font has no "ể" or "ư".
/// </summary>
internal static class AsciiOnlyFont
{
    public static byte[] Bytes()
    {
        var font = new byte[28 + 12 + 32];
        var span = font.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], 1);
        "cmap"u8.CopyTo(span[12..]);
        BinaryPrimitives.WriteUInt32BigEndian(span[20..], 28);
        BinaryPrimitives.WriteUInt32BigEndian(span[24..], 44);
        var cmap = span[28..];
        BinaryPrimitives.WriteUInt16BigEndian(cmap[2..], 1);
        BinaryPrimitives.WriteUInt16BigEndian(cmap[4..], 3);
        BinaryPrimitives.WriteUInt16BigEndian(cmap[6..], 1);
        BinaryPrimitives.WriteUInt32BigEndian(cmap[8..], 12);
        var table = cmap[12..];
        ushort[] words = [4, 32, 0, 4, 4, 1, 0, 0x7E, 0xFFFF, 0, 0x20, 0xFFFF, unchecked((ushort)(1 - 0x20)), 1, 0, 0];
        for (var i = 0; i < words.Length; i++)
            BinaryPrimitives.WriteUInt16BigEndian(table[(2 * i)..], words[i]);
        return font;
    }

    public static string WriteTo(TempFolder folder)
    {
        var path = Path.Combine(folder.Path, "ascii-only.ttf");
        File.WriteAllBytes(path, Bytes());
        return path;
    }
}
