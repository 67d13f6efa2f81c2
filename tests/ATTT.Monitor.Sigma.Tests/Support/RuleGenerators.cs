using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;

namespace ATTT.Monitor.Sigma.Tests.Support;

/// <summary>
/// CsCheck generators of Sigma rules over a few fields of a Sysmon process-creation event. Values
/// are built from small chunks (wildcards, the three escapes, dashes, Vietnamese and tricky
/// case-folding letters) so that events drawn from them match often.
/// </summary>
internal static class RuleGenerators
{
    public static readonly string[] Fields = ["CommandLine", "Image", "ParentImage", "User", "Hashes", "UtcTime"];

    /// <summary>The field that holds a date (Sysmon's UtcTime): the time-part modifiers are drawn for it.</summary>
    public const string DateField = "UtcTime";

    public static readonly string[] TimeParts = ["minute", "hour", "day", "week", "month", "year"];

    /// <summary>Chunks of Sigma text: wildcards, escapes (\* \? \\), a lone backslash, dashes, case-folding traps.</summary>
    public static readonly string[] TextChunks =
    [
        "who", "ami", "a", "B", " ", "-", "/", "-enc", " /c", ".exe", "\\", "\\\\", "*", "?", "\\*", "\\?",
        "Đ", "đăng", "é", "ſ", "s", "ı", "I", "x",
    ];

    /// <summary>Chunks for base64 values: no unescaped wildcard (the spec forbids them there), escapes allowed.</summary>
    private static readonly string[] PlainChunks = ["IEX", "who", "ami", " ", "-", "é", "Đ", "\\", "\\\\", "\\*", "x"];

    private static readonly string[] RegexChunks = ["who", "ami", "A", "b", " ", "é", "x"];

    public static readonly string[] Networks =
        ["10.0.0.0/8", "192.168.1.0/24", "10.1.2.3/32", "172.16.0.0/12", "fd00::/8", "2001:db8::/32", "0.0.0.0/0", "10.1.2.3", "192.168.1.128/25"];

    public static readonly string[] Bounds = ["-5", "0", "3", "5", "2.5", "1000"];

    public static readonly Gen<string> SigmaText = Gen.OneOfConst(TextChunks).Array[1, 4].Select(string.Concat);
    private static readonly Gen<string> PlainText =
        Gen.OneOfConst(PlainChunks).Array[2, 4].Select(string.Concat).Where(v => ReferenceWildcard.PlainText(v) is not null);

    private static readonly Gen<string?> Kind = Gen.FrequencyConst<string?>((3, null), (3, "contains"), (2, "startswith"), (2, "endswith"));

    /// <summary>Text values with contains/startswith/endswith, windash, cased, all; null and '' among OR-ed values.</summary>
    private static Gen<GeneratedItem> TextItem(string field) =>
        Gen.Select(Kind, Gen.Int[0, 9], Gen.Int[0, 9], SigmaText.Array[1, 3], Gen.Int[0, 9], Gen.Bool)
            .Select((kind, windash, cased, values, extra, all) =>
            {
                var mods = new List<string>();
                if (kind is not null) mods.Add(kind);
                if (windash < 2) mods.Insert(windash == 0 ? 0 : mods.Count, "windash");
                if (cased < 2) mods.Add("cased");
                var list = values.Cast<string?>().ToList();
                var useAll = all && list.Count > 1;
                if (useAll) mods.Add("all");
                else if (extra == 0) list.Add(null);
                else if (extra == 1) list.Add("");
                return new GeneratedItem(field, mods, list);
            });

    /// <summary>utf16 variants then base64 / base64offset, optionally followed by a match modifier.</summary>
    private static Gen<GeneratedItem> EncodedItem(string field) =>
        Gen.Select(Gen.OneOfConst<string?>(null, "utf16le", "utf16be", "utf16", "wide"), Gen.Bool, Gen.OneOfConst<string?>(null, "contains", "startswith", "endswith"), PlainText.Array[1, 2])
            .Select((encoding, offset, kind, values) =>
            {
                var mods = new List<string>();
                if (encoding is not null) mods.Add(encoding);
                mods.Add(offset ? "base64offset" : "base64");
                if (offset) mods.Add("contains");
                else if (kind is not null) mods.Add(kind);
                return new GeneratedItem(field, mods, values);
            });

    /// <summary>A regular expression built from a literal, with the i/m/s flags.</summary>
    private static Gen<GeneratedItem> RegexItem(string field) =>
        Gen.Select(Gen.OneOfConst(RegexChunks).Array[1, 3].Select(string.Concat), Gen.Int[0, 5], Gen.Bool, Gen.Bool, Gen.Bool)
            .Select((literal, template, i, m, s) =>
            {
                var escaped = Regex.Escape(literal);
                var pattern = template switch
                {
                    0 => escaped,
                    1 => "^" + escaped,
                    2 => escaped + "$",
                    3 => "." + escaped,
                    4 => "(?:" + escaped + "|zz)",
                    _ => "^" + escaped + "$",
                };
                var mods = new List<string> { "re" };
                if (i) mods.Add("i");
                if (m) mods.Add("m");
                if (s) mods.Add("s");
                return new GeneratedItem(field, mods, [pattern]);
            });

    private static Gen<GeneratedItem> CidrItem(string field) =>
        Gen.OneOfConst(Networks).Array[1, 2].Select(v => new GeneratedItem(field, ["cidr"], v));

    private static Gen<GeneratedItem> NumericItem(string field) =>
        Gen.Select(Gen.OneOfConst("gt", "gte", "lt", "lte"), Gen.OneOfConst(Bounds))
            .Select((op, bound) => new GeneratedItem(field, [op], [bound]));

    private static Gen<GeneratedItem> ExistsItem(string field) =>
        Gen.Bool.Select(b => new GeneratedItem(field, ["exists"], [b ? "true" : "false"]));

    private static Gen<GeneratedItem> FieldRefItem(string field) =>
        Gen.Select(Gen.OneOfConst(Fields.Where(f => f != field).ToArray()).Array[1, 2], Kind, Gen.Bool, Gen.Bool)
            .Select((others, kind, cased, all) =>
            {
                var mods = new List<string> { "fieldref" };
                if (kind is not null) mods.Add(kind);
                if (cased) mods.Add("cased");
                var distinct = others.Distinct().ToList();
                if (all && distinct.Count > 1) mods.Add("all");
                return new GeneratedItem(field, mods, distinct.Cast<string?>().ToList());
            });

    /// <summary>A time part (Sigma 2.1), compared for equality or with gt/gte/lt/lte, one to three values, maybe all.</summary>
    private static Gen<GeneratedItem> TimeItem(string field) =>
        Gen.Select(Gen.OneOfConst(TimeParts), Gen.OneOfConst<string?>(null, null, "gt", "gte", "lt", "lte"), Gen.Int[1, 3], Gen.Int[0, 3], Gen.Int[0, 60].Array[3])
            .Select((part, op, count, all, raw) =>
            {
                var mods = new List<string> { part };
                if (op is not null) mods.Add(op);
                if (all == 0 && count > 1) mods.Add("all");
                var values = raw.Take(count).Select(v => (string?)Plausible(part, v).ToString(CultureInfo.InvariantCulture)).ToList();
                return new GeneratedItem(field, mods, values);
            });

    private static int Plausible(string part, int v) => part switch
    {
        "minute" => v % 60,
        "hour" => v % 24,
        "day" => 1 + v % 31,
        "week" => 1 + v % 53,
        "month" => 1 + v % 12,
        _ => 2024 + v % 4,
    };

    private static Gen<GeneratedItem> AnyItem(string field) => field == DateField
        ? Gen.Frequency((6, TimeItem(field)), (1, TextItem(field)), (1, ExistsItem(field)))
        : Gen.Frequency(
            (8, TextItem(field)), (3, EncodedItem(field)), (2, RegexItem(field)), (2, CidrItem(field)),
            (2, NumericItem(field)), (1, ExistsItem(field)), (2, FieldRefItem(field)));

    /// <summary>Any item; one in eight negated with neq (Sigma 2.1), which negates the whole item.</summary>
    public static Gen<GeneratedItem> Item(string field) =>
        Gen.Select(AnyItem(field), Gen.Int[0, 7]).Select((item, n) => n == 0 ? item with { Modifiers = [.. item.Modifiers, "neq"] } : item);

    /// <summary>A map of 1-3 items on distinct fields.</summary>
    public static Gen<IReadOnlyList<GeneratedItem>> Map(Func<string, Gen<GeneratedItem>> item) =>
        Gen.Int[1, (1 << Fields.Length) - 1].Select(mask => Fields.Where((_, i) => (mask & (1 << i)) != 0).Take(3).ToList())
            .SelectMany(fields => fields.Aggregate(
                Gen.Const(new List<GeneratedItem>()),
                (acc, f) => acc.SelectMany(list => item(f).Select(it => new List<GeneratedItem>(list) { it }))))
            .Select(l => (IReadOnlyList<GeneratedItem>)l);

    /// <summary>A search: one map, a list of maps, a keyword list, or a keyword <c>'|all'</c> map.</summary>
    public static Gen<GeneratedSearch> Search(string name, Func<string, Gen<GeneratedItem>> item) => Gen.Frequency(
        (6, Map(item).Select(m => new GeneratedSearch(name, [m]))),
        (2, Map(item).Array[2, 3].Select(ms => new GeneratedSearch(name, ms))),
        (1, SigmaText.Array[1, 3].Select(k => new GeneratedSearch(name, [], k))),
        (1, SigmaText.Array[2, 3].Select(k => new GeneratedSearch(name, [[new GeneratedItem(null, ["all"], k)]]))));

    /// <summary>One selection with any modifiers: the modifier property.</summary>
    public static readonly Gen<GeneratedRule> ModifierRule =
        Search("selection", Item).Select(s => new GeneratedRule([s], new RefCondition("selection"), false));

    private static readonly string[] Names = ["sel1", "sel2", "sel3", "filter1", "filter2", "_aux"];
    private static readonly string[] Patterns = ["them", "sel*", "filter*", "*1", "*", "s*l*"];

    /// <summary>Several selections and a random condition over them: the condition property.</summary>
    public static Gen<GeneratedRule> ConditionRule(Func<string, Gen<GeneratedItem>> item) =>
        Gen.Int[1, (1 << Names.Length) - 1]
            .Select(mask => Names.Where((_, i) => (mask & (1 << i)) != 0 || i == 0).ToList())
            .SelectMany(names => Gen.Select(
                names.Aggregate(Gen.Const(new List<GeneratedSearch>()), (acc, n) => acc.SelectMany(list => Search(n, item).Select(s => new List<GeneratedSearch>(list) { s }))),
                Condition(names, 3),
                Gen.Bool))
            .Select((searches, condition, parens) => new GeneratedRule(searches, condition, parens));

    /// <summary>Simple selections (one plain or contains value) so that the condition decides.</summary>
    public static Gen<GeneratedItem> SimpleItem(string field) =>
        Gen.Select(Gen.Bool, Gen.OneOfConst("alpha", "beta", "gamma"))
            .Select((contains, v) => new GeneratedItem(field, contains ? ["contains"] : [], [v]));

    private static Gen<GeneratedCondition> Condition(IReadOnlyList<string> names, int depth)
    {
        var usable = Patterns.Where(p => names.Any(n => ReferenceEvaluator.NameMatches(p, n))).ToArray();
        var leaf = Gen.Frequency(
            (4, Gen.OneOfConst(names.ToArray()).Select(n => (GeneratedCondition)new RefCondition(n))),
            (2, Gen.Select(Gen.Bool, Gen.OneOfConst(usable)).Select((all, p) => (GeneratedCondition)new OfCondition(all, p))));
        if (depth == 0) return leaf;
        var sub = Condition(names, depth - 1);
        return Gen.Frequency(
            (3, leaf),
            (2, Gen.Select(sub, sub).Select((l, r) => (GeneratedCondition)new AndCondition(l, r))),
            (2, Gen.Select(sub, sub).Select((l, r) => (GeneratedCondition)new OrCondition(l, r))),
            (1, sub.Select(c => (GeneratedCondition)new NotCondition(c))));
    }
}
