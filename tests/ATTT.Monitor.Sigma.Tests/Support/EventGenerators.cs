using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;

namespace ATTT.Monitor.Sigma.Tests.Support;

/// <summary>
/// Generates events for a given rule so that matches are frequent: most field values are made
/// from the rule's own values (wildcards filled in, escapes resolved, dashes swapped, case
/// changed, text added around, base64-encoded at a random offset), the rest are missing, null,
/// empty or unrelated.
/// </summary>
internal static class EventGenerators
{
    private static readonly string[] Fill = ["", "x", "-", "ab", "\\", "*", "é"];
    private static readonly string[] Dashes = ["-", "/", "\u2013", "\u2014", "\u2015"];
    private static readonly string[] Around = [" ", "x", "/c ", "\n", "-", "Đ"];
    private static readonly string[] Addresses =
        ["10.1.2.3", "10.255.0.1", "11.0.0.1", "192.168.1.77", "192.168.1.200", "192.168.2.1", "172.31.255.255", "172.32.0.1", "fd12::1", "fe80::1", "2001:db8:1::5", "not-an-ip"];
    private static readonly string? NoValue = null;
    private static readonly (string, string?)? Absent = null;
    private static readonly string[] RefPool = ["cmd.exe", "CMD.EXE", "C:\\cmd.exe", "cmd.exe /c x", "x", ""];

    public static Gen<GeneratedEvent> For(GeneratedRule rule)
    {
        var items = rule.Searches.SelectMany(s => s.Maps.SelectMany(m => m)).ToList();
        var keywordTexts = rule.Searches.SelectMany(s => s.Keywords ?? []).Concat(items.Where(i => i.Field is null).SelectMany(i => i.Values.OfType<string>())).ToList();
        var referenced = items.Where(i => i.Has("fieldref")).SelectMany(i => i.Values.OfType<string>().Append(i.Field!)).ToHashSet();
        var slots = RuleGenerators.Fields.Select(f => FieldValue(f, items.Where(i => i.Field == f).ToList(), referenced.Contains(f))).ToList();
        if (keywordTexts.Count > 0)
            slots.Add(Gen.OneOfConst(keywordTexts.ToArray()).SelectMany(k => Text(k, windash: true)).Select(v => ((string, string?)?)("Description", v)));
        return slots.Aggregate(Gen.Const(new List<(string, string?)>()),
                (acc, slot) => acc.SelectMany(list => slot.Select(v => v is { } x ? new List<(string, string?)>(list) { x } : list)))
            .Select(fields => new GeneratedEvent(fields));
    }

    private static Gen<(string, string?)?> FieldValue(string field, List<GeneratedItem> items, bool referenced)
    {
        var seeds = items.SelectMany(i => i.Values.Select(v => (Item: i, Value: v))).ToList();
        var junk = RuleGenerators.SigmaText.SelectMany(t => Text(t, windash: false));
        var options = new List<(int, IGen<string?>)>
        {
            (1, Gen.Const(NoValue)),
            (1, Gen.Const<string?>("")),
            (1, junk.Select(v => (string?)v)),
        };
        if (referenced) options.Add((6, Gen.OneOfConst(RefPool).Select(v => (string?)v)));
        if (seeds.Count > 0) options.Add((6, Gen.Int[0, seeds.Count - 1].SelectMany(i => Derive(seeds[i].Item, seeds[i].Value))));
        var value = Gen.Frequency(options.ToArray());
        return Gen.Frequency(
            (1, Gen.Const(Absent)),
            (6, value.Select(v => ((string, string?)?)(field, v))));
    }

    private static Gen<string?> Derive(GeneratedItem item, string? value)
    {
        if (value is null || item.Has("exists") || item.Has("fieldref")) return RuleGenerators.SigmaText.Select(v => (string?)v);
        if (item.Has("cidr")) return Gen.OneOfConst(Addresses).Select(v => (string?)v);
        if (item.Has("re")) return Text(Regex.Unescape(RegexSample(value)), windash: false).Select(v => (string?)v);
        if (ReferenceTimePart.PartOf(item) is { } part) return Date(part, value).Select(v => (string?)v);
        if (item.Modifiers.Any(m => m is "gt" or "gte" or "lt" or "lte")) return Number(value).Select(v => (string?)v);
        if (item.Has("base64") || item.Has("base64offset")) return Encoded(item, value).Select(v => (string?)v);
        return Text(value, item.Has("windash")).Select(v => (string?)v);
    }

    /// <summary>Sigma text made concrete: wildcards filled, escapes resolved, then mutated.</summary>
    public static Gen<string> Text(string sigmaText, bool windash) =>
        Gen.Select(Gen.OneOfConst(Fill).Array[8], Gen.OneOfConst(Dashes).Array[8], Gen.Int[0, 3], Gen.Int, Gen.OneOfConst(Around), Gen.OneOfConst(Around))
            .Select((fills, dashes, shape, caseSeed, before, after) =>
            {
                var s = new StringBuilder();
                var filled = 0;
                foreach (var t in ReferenceWildcard.Tokens(sigmaText))
                {
                    if (t == ReferenceWildcard.AnyRun) s.Append(fills[filled++ % fills.Length]);
                    else if (t == ReferenceWildcard.AnyOne) s.Append(fills[filled++ % fills.Length] is { Length: > 0 } f ? f[0] : 'q');
                    else if (windash && (char)t is '-' or '/') s.Append(dashes[filled++ % dashes.Length]);
                    else s.Append((char)t);
                }

                var text = ChangeCase(s.ToString(), caseSeed);
                return shape switch { 0 => text, 1 => before + text, 2 => text + after, _ => before + text + after };
            });

    private static Gen<string> Encoded(GeneratedItem item, string sigmaValue) =>
        Gen.Select(Gen.Byte.Array[0, 4], Gen.Byte.Array[0, 4], Gen.Bool, Gen.Int[0, 5])
            .Select((head, tail, wrap, caseFlip) =>
            {
                var plain = ReferenceWildcard.PlainText(sigmaValue)!;
                if (caseFlip == 0) plain = plain.ToUpperInvariant();
                byte[] bytes = item.Modifiers.FirstOrDefault(m => m.StartsWith("utf16", StringComparison.Ordinal) || m == "wide") switch
                {
                    "utf16le" or "wide" => Encoding.Unicode.GetBytes(plain),
                    "utf16be" => Encoding.BigEndianUnicode.GetBytes(plain),
                    "utf16" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(plain)],
                    _ => Encoding.UTF8.GetBytes(plain),
                };
                var encoded = item.Has("base64offset") ? Convert.ToBase64String([.. head, .. bytes, .. tail]) : Convert.ToBase64String(bytes);
                return wrap ? "powershell -enc " + encoded + " x" : encoded;
            });

    private static readonly string[] DateFormats = ["yyyy-MM-dd HH:mm:ss.fff", "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd"];

    /// <summary>A date whose given part is near the rule's value (or unrelated, or not a date), in one of the written forms.</summary>
    private static Gen<string> Date(string part, string value)
    {
        var v = int.Parse(value, CultureInfo.InvariantCulture);
        return Gen.Select(Gen.Int[-1, 1], Gen.Int[0, 10_000_000], Gen.OneOfConst(DateFormats), Gen.Int[0, 9])
            .Select((delta, seed, format, junk) =>
            {
                if (junk == 0) return seed % 2 == 0 ? "not a date" : "2026-13-45 25:61";
                var t = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMinutes(seed % (4 * 366 * 24 * 60));
                var target = v + delta;
                try
                {
                    t = part switch
                    {
                        "minute" => t.AddMinutes(target - t.Minute),
                        "hour" => t.AddHours(target - t.Hour),
                        "day" => new DateTime(t.Year, t.Month, Math.Clamp(target, 1, DateTime.DaysInMonth(t.Year, t.Month)), t.Hour, t.Minute, 0, DateTimeKind.Unspecified),
                        "week" => t.AddDays(7 * (target - ISOWeek.GetWeekOfYear(t))),
                        "month" => new DateTime(t.Year, Math.Clamp(target, 1, 12), Math.Min(t.Day, 28), t.Hour, t.Minute, 0, DateTimeKind.Unspecified),
                        _ => new DateTime(Math.Clamp(target, 1, 9999), t.Month, Math.Min(t.Day, 28), t.Hour, t.Minute, 0, DateTimeKind.Unspecified),
                    };
                }
                catch (ArgumentOutOfRangeException)
                {
                    // Keep the unrelated date.
                }

                return format.EndsWith("zzz", StringComparison.Ordinal)
                    ? new DateTimeOffset(t, TimeSpan.FromHours(7)).ToString(format, CultureInfo.InvariantCulture)
                    : t.ToString(format, CultureInfo.InvariantCulture);
            });
    }

    private static Gen<string> Number(string bound)
    {
        var b = double.Parse(bound, CultureInfo.InvariantCulture);
        return Gen.OneOfConst(b - 1, b, b + 0.5, b + 1, -b).Select(n => n.ToString(CultureInfo.InvariantCulture))
            .SelectMany(n => Gen.FrequencyConst((6, n), (1, "abc"), (1, " " + n + " "), (1, n + "x")));
    }

    // The generated patterns are an escaped literal with an anchor, a leading dot or an alternation.
    private static string RegexSample(string pattern)
    {
        if (pattern.StartsWith("(?:", StringComparison.Ordinal)) pattern = pattern[3..^4];
        if (pattern.StartsWith('^')) pattern = pattern[1..];
        if (pattern.EndsWith('$') && !pattern.EndsWith("\\$", StringComparison.Ordinal)) pattern = pattern[..^1];
        if (pattern.StartsWith('.')) pattern = "Q" + pattern[1..];
        return pattern;
    }

    private static string ChangeCase(string s, int seed)
    {
        if (seed % 3 == 0) return s;
        var random = new Random(seed);
        return string.Concat(s.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)));
    }
}
