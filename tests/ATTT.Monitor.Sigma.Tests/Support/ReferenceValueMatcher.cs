using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ATTT.Monitor.Sigma.Tests.Support;

/// <summary>
/// Reference semantics of one Sigma value against one field value, straight from the modifiers
/// appendix, sharing no code with the engine: modifiers apply in the order written; contains,
/// startswith and endswith put wildcards around the value; case-insensitive unless cased.
/// </summary>
internal static class ReferenceValueMatcher
{
    private static readonly string[] Dashes = ["-", "/", "\u2013", "\u2014", "\u2015"];

    public static bool Matches(string sigmaValue, IReadOnlyList<string> modifiers, string fieldValue, bool keyword)
    {
        var mods = modifiers.Select(m => m.ToLowerInvariant()).ToList();
        if (mods.Contains("re")) return Regex.IsMatch(fieldValue, sigmaValue, RegexOptionsOf(mods));
        if (mods.Contains("cidr")) return InNetwork(sigmaValue, fieldValue);
        foreach (var op in (string[])["gt", "gte", "lt", "lte"])
        {
            if (mods.Contains(op)) return Compare(op, sigmaValue, fieldValue);
        }

        var cased = mods.Contains("cased");
        var before = mods.Contains("contains") || mods.Contains("endswith") || (keyword && !mods.Contains("startswith"));
        var after = mods.Contains("contains") || mods.Contains("startswith") || (keyword && !mods.Contains("endswith"));
        foreach (var variant in Variants(sigmaValue, mods))
        {
            var pattern = new List<int>();
            if (before) pattern.Add(ReferenceWildcard.AnyRun);
            pattern.AddRange(ReferenceWildcard.Tokens(variant));
            if (after) pattern.Add(ReferenceWildcard.AnyRun);
            if (ReferenceWildcard.Matches(pattern, fieldValue, cased)) return true;
        }

        return false;
    }

    /// <summary>The Sigma texts one value stands for after windash, the UTF-16 encodings and base64.</summary>
    private static List<string> Variants(string sigmaValue, List<string> mods)
    {
        var values = new List<string> { sigmaValue };
        Func<string, byte[]> encode = Encoding.UTF8.GetBytes;
        foreach (var m in mods)
        {
            switch (m)
            {
                case "windash": values = values.SelectMany(WindashVariants).ToList(); break;
                case "utf16le" or "wide": encode = Encoding.Unicode.GetBytes; break;
                case "utf16be": encode = Encoding.BigEndianUnicode.GetBytes; break;
                case "utf16": encode = s => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(s)]; break;
                case "base64":
                    values = values.Select(v => Convert.ToBase64String(encode(Plain(v)))).ToList();
                    encode = Encoding.UTF8.GetBytes;
                    break;
                case "base64offset":
                    values = values.SelectMany(v => OffsetVariants(encode(Plain(v)))).ToList();
                    encode = Encoding.UTF8.GetBytes;
                    break;
                default: break;
            }
        }

        return values;
    }

    private static string Plain(string sigmaValue) =>
        ReferenceWildcard.PlainText(sigmaValue) ?? throw new InvalidOperationException($"base64 of a value with wildcards: {sigmaValue}");

    /// <summary>
    /// Spec: the value at a shift of zero, one or two bytes inside longer base64 text; only the
    /// characters that depend on the value's bytes alone are kept (none from the filler before it,
    /// none from the unknown bytes after it).
    /// </summary>
    private static IEnumerable<string> OffsetVariants(byte[] bytes)
    {
        for (var shift = 0; shift < 3; shift++)
        {
            var encoded = Convert.ToBase64String([.. new byte[shift], .. bytes]);
            var dropFront = shift switch { 0 => 0, 1 => 2, _ => 3 };
            var dropBack = ((shift + bytes.Length) % 3) switch { 0 => 0, 1 => 3, _ => 2 };
            if (encoded.Length - dropFront - dropBack > 0) yield return encoded[dropFront..^dropBack];
        }
    }

    /// <summary>Every spelling with each command-line flag dash (a dash or slash starting a word) as any of the five dashes.</summary>
    private static IEnumerable<string> WindashVariants(string value)
    {
        var positions = Regex.Matches(value, @"(?<!\w)[-/](?=\w)").Select(m => m.Index).ToList();
        IEnumerable<string> variants = [value];
        foreach (var p in positions)
            variants = variants.SelectMany(v => Dashes.Select(d => v[..p] + d + v[(p + 1)..])).ToList();
        return variants;
    }

    private static RegexOptions RegexOptionsOf(List<string> mods) =>
        RegexOptions.CultureInvariant
        | (mods.Contains("i") ? RegexOptions.IgnoreCase : 0)
        | (mods.Contains("m") ? RegexOptions.Multiline : 0)
        | (mods.Contains("s") ? RegexOptions.Singleline : 0);

    private static bool InNetwork(string cidr, string fieldValue)
    {
        var parts = cidr.Split('/');
        var network = IPAddress.Parse(parts[0]).GetAddressBytes();
        var prefix = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : network.Length * 8;
        // Only plain dotted-quad IPv4 or IPv6 text is an address (no spaces, no "5" for 0.0.0.5).
        byte[] bytes;
        var quad = Regex.Match(fieldValue, @"^([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})\.([0-9]{1,3})$");
        if (quad.Success)
        {
            var parts4 = quad.Groups.Cast<Group>().Skip(1).Select(g => int.Parse(g.Value, CultureInfo.InvariantCulture)).ToArray();
            if (parts4.Any(p => p > 255)) return false;
            bytes = parts4.Select(p => (byte)p).ToArray();
        }
        else if (fieldValue.Contains(':', StringComparison.Ordinal) && !fieldValue.Any(char.IsWhiteSpace) && IPAddress.TryParse(fieldValue, out var v6))
            bytes = v6.GetAddressBytes();
        else
            return false;
        if (bytes.Length != network.Length) return false;
        for (var bit = 0; bit < prefix; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) return false;
        }

        return true;
    }

    private static bool Compare(string op, string bound, string fieldValue)
    {
        if (!double.TryParse(fieldValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) return false;
        var b = double.Parse(bound, CultureInfo.InvariantCulture);
        return op switch { "gt" => n > b, "gte" => n >= b, "lt" => n < b, _ => n <= b };
    }
}
