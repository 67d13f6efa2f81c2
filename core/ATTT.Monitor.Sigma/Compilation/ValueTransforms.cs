using System.Text;
using ATTT.Monitor.Sigma.Matching;
using ATTT.Monitor.Sigma.Parsing;

namespace ATTT.Monitor.Sigma.Compilation;

/// <summary>The value-rewriting modifiers: windash, the UTF-16 encodings, base64, base64offset.</summary>
internal static class ValueTransforms
{
    private static readonly char[] Dashes = ['-', '/', '\u2013', '\u2014', '\u2015'];
    private const int MaxWindashPositions = 4;

    /// <summary>
    /// Every permutation of the dash characters at the start of a word (pySigma's <c>\B[-/]\b</c>).
    /// </summary>
    public static IEnumerable<string> Windash(string parsed)
    {
        var positions = new List<int>();
        for (var i = 0; i < parsed.Length; i++)
        {
            if (parsed[i] is not ('-' or '/')) continue;
            var before = i == 0 || !IsWordChar(parsed[i - 1]);
            var after = i + 1 < parsed.Length && IsWordChar(parsed[i + 1]);
            if (before && after) positions.Add(i);
        }

        if (positions.Count > MaxWindashPositions)
            throw SigmaRuleException.Unsupported($"windash on '{Wildcards.Show(parsed)}' has {positions.Count} dashes; at most {MaxWindashPositions} are expanded");
        var variants = new List<string> { parsed };
        foreach (var p in positions)
        {
            var next = new List<string>(variants.Count * Dashes.Length);
            foreach (var v in variants)
            {
                foreach (var d in Dashes)
                {
                    var chars = v.ToCharArray();
                    chars[p] = d;
                    next.Add(new string(chars));
                }
            }

            variants = next;
        }

        return variants;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    public static byte[] Encode(string value, string? encoding) => encoding switch
    {
        "utf16le" or "wide" => Encoding.Unicode.GetBytes(value),
        "utf16be" => Encoding.BigEndianUnicode.GetBytes(value),
        "utf16" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(value)],
        _ => Encoding.UTF8.GetBytes(value),
    };

    public static string Base64(byte[] bytes) => Convert.ToBase64String(bytes);

    /// <summary>The three shifted encodings whose stable middle part appears in any longer base64 text.</summary>
    public static IEnumerable<string> Base64Offsets(byte[] bytes)
    {
        int[] starts = [0, 2, 3];
        int[] endTrim = [0, 3, 2];
        for (var i = 0; i < 3; i++)
        {
            var shifted = new byte[i + bytes.Length];
            for (var j = 0; j < i; j++) shifted[j] = (byte)' ';
            bytes.CopyTo(shifted, i);
            var b64 = Convert.ToBase64String(shifted);
            var trim = endTrim[(bytes.Length + i) % 3];
            var end = b64.Length - trim;
            if (end > starts[i]) yield return b64[starts[i]..end];
        }
    }
}
