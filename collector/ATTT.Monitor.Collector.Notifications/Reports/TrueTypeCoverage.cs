using System.Buffers.Binary;
using System.Text;

namespace ATTT.Monitor.Collector.Reports;

/// <summary>
/// Which characters a TrueType/OpenType font file has glyphs for, read from its character map
/// (the <c>cmap</c> table, formats 4 and 12). A font without every Vietnamese letter would print
/// "Biểu mẫu" with holes or boxes; this tells such a font apart before a report is rendered.
/// </summary>
internal static class TrueTypeCoverage
{
    /// <summary>Every Vietnamese letter, lower and upper case: the vowels with each of the five tone marks, and đ.</summary>
    public static string VietnameseLetters { get; } = BuildVietnameseLetters();

    /// <summary>The characters of <paramref name="text"/> the font has no glyph for (all of them when the file is not a readable font).</summary>
    public static string Missing(ReadOnlySpan<byte> font, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var missing = new StringBuilder();
        try
        {
            var has = CharacterMap(font.ToArray());
            foreach (var rune in text.EnumerateRunes())
            {
                if (!has(rune.Value))
                    missing.Append(rune.ToString());
            }
        }
        catch (FormatException)
        {
            return text;
        }

        return missing.ToString();
    }

    private static Func<int, bool> CharacterMap(byte[] font)
    {
        var tables = U16(font, 4);
        var cmap = -1;
        for (var i = 0; i < tables; i++)
        {
            var record = 12 + (16 * i);
            if (Encoding.ASCII.GetString(Slice(font, record, 4)) == "cmap")
                cmap = (int)U32(font, record + 8);
        }

        if (cmap < 0)
            throw new FormatException("no cmap table");
        Func<int, bool>? best = null;
        var bestRank = 0;
        var encodings = U16(font, cmap + 2);
        for (var i = 0; i < encodings; i++)
        {
            var record = cmap + 4 + (8 * i);
            var (platform, encoding) = (U16(font, record), U16(font, record + 2));
            var subtable = cmap + (int)U32(font, record + 4);
            var format = U16(font, subtable);
            // Unicode subtables only: Windows BMP (3,1) or full (3,10), or the Unicode platform (0,*).
            if (!(platform == 0 || (platform == 3 && encoding is 1 or 10)))
                continue;
            var rank = format == 12 ? 2 : format == 4 ? 1 : 0;
            if (rank > bestRank)
            {
                best = rank == 2 ? Format12(font, subtable) : Format4(font, subtable);
                bestRank = rank;
            }
        }

        return best ?? throw new FormatException("no Unicode character map of format 4 or 12");
    }

    private static Func<int, bool> Format4(byte[] font, int at)
    {
        var segments = U16(font, at + 6) / 2;
        var ends = at + 14;
        var starts = ends + (2 * segments) + 2;
        var deltas = starts + (2 * segments);
        var rangeOffsets = deltas + (2 * segments);
        return c =>
        {
            if (c > 0xFFFF)
                return false;
            for (var s = 0; s < segments; s++)
            {
                if (U16(font, ends + (2 * s)) < c)
                    continue;
                var start = U16(font, starts + (2 * s));
                if (start > c)
                    return false;
                var delta = U16(font, deltas + (2 * s));
                var rangeOffset = U16(font, rangeOffsets + (2 * s));
                if (rangeOffset == 0)
                    return ((c + delta) & 0xFFFF) != 0;
                var glyph = U16(font, rangeOffsets + (2 * s) + rangeOffset + (2 * (c - start)));
                return glyph != 0 && ((glyph + delta) & 0xFFFF) != 0;
            }

            return false;
        };
    }

    private static Func<int, bool> Format12(byte[] font, int at)
    {
        var groups = U32(font, at + 12);
        return c =>
        {
            for (long g = 0; g < groups; g++)
            {
                var record = at + 16 + (int)(12 * g);
                if (c >= U32(font, record) && c <= U32(font, record + 4))
                    return U32(font, record + 8) + (c - U32(font, record)) != 0;
            }

            return false;
        };
    }

    private static ReadOnlySpan<byte> Slice(byte[] font, int at, int length) =>
        at >= 0 && length >= 0 && at <= font.Length - length ? font.AsSpan(at, length) : throw new FormatException("truncated font file");

    private static int U16(byte[] font, int at) => BinaryPrimitives.ReadUInt16BigEndian(Slice(font, at, 2));

    private static uint U32(byte[] font, int at) => BinaryPrimitives.ReadUInt32BigEndian(Slice(font, at, 4));

    private static string BuildVietnameseLetters()
    {
        const string vowels = "aăâeêioôơuưy";
        const string tones = "\u0300\u0301\u0309\u0303\u0323";
        var letters = new StringBuilder("đ");
        foreach (var vowel in vowels)
        {
            letters.Append(vowel);
            foreach (var tone in tones)
                letters.Append(string.Concat(vowel, tone).Normalize(NormalizationForm.FormC));
        }

        var lower = letters.ToString();
        return lower + lower.ToUpperInvariant();
    }
}
