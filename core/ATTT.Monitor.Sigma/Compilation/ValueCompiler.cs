using System.Text.RegularExpressions;
using ATTT.Monitor.Sigma.Matching;
using ATTT.Monitor.Sigma.Parsing;

namespace ATTT.Monitor.Sigma.Compilation;

/// <summary>Compiles one <c>Field|modifiers: values</c> item into a match node.</summary>
internal sealed class ValueCompiler(IReadOnlyDictionary<string, IReadOnlyList<string>> placeholders)
{
    private static readonly HashSet<string> Known =
    [
        "contains", "startswith", "endswith", "all", "windash", "base64", "base64offset", "utf16le", "utf16be",
        "utf16", "wide", "re", "i", "m", "s", "cidr", "exists", "cased", "expand", "fieldref", "gt", "gte", "lt", "lte",
        "neq", "minute", "hour", "day", "week", "month", "year",
    ];

    // pySigma's long names of the regular-expression flags.
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["ignorecase"] = "i",
        ["multiline"] = "m",
        ["dotall"] = "s",
    };

    public MatchNode Compile(FieldItem item, Func<string, (int Id, string Name)> resolveField)
    {
        var mods = new List<string>();
        var negate = false;
        foreach (var raw in item.Modifiers)
        {
            var m = raw.ToLowerInvariant();
            m = Synonyms.GetValueOrDefault(m, m);
            if (!Known.Contains(m)) throw SigmaRuleException.Unsupported($"modifier '{m}' is not supported");
            // neq (Sigma 2.1) negates the whole item, as pySigma does: 'Field|neq: [a, b]' is "neither a nor b".
            if (m == "neq") negate = true;
            else mods.Add(m);
        }

        var node = CompilePositive(item, mods, resolveField);
        return negate ? new NotNode(node) : node;
    }

    private MatchNode CompilePositive(FieldItem item, List<string> mods, Func<string, (int Id, string Name)> resolveField)
    {
        var has = mods.ToHashSet();
        var all = has.Contains("all");
        var cased = has.Contains("cased");
        if (has.Contains("exists")) return CompileExists(item, resolveField);
        if (item.Field is null && (has.Contains("fieldref") || has.Contains("exists")))
            throw SigmaRuleException.Invalid("'fieldref' and 'exists' need a field name");
        if (TimeParts.Compile(item, has, resolveField) is { } timePart) return timePart;

        if (has.Contains("fieldref"))
        {
            var (id, _) = resolveField(item.Field!);
            var others = item.Values.Select(v => v is null
                ? throw SigmaRuleException.Invalid($"'{item.Field}|fieldref' has an empty field name")
                : resolveField(v).Id).ToList();
            return new FieldRefNode(id, others, KindOf(has), cased, all);
        }

        var matchers = new List<StringMatcher>();
        var matchNull = false;
        foreach (var raw in item.Values)
        {
            if (raw is null)
            {
                matchNull = true;
                continue;
            }

            matchers.Add(CompileValue(raw, mods, has, cased, keyword: item.Field is null));
        }

        if (item.Field is null) return new KeywordNode(matchers, all);
        var (fieldId, fieldName) = resolveField(item.Field);
        return new FieldNode(fieldId, fieldName, matchers, all, matchNull);
    }

    private static ExistsNode CompileExists(FieldItem item, Func<string, (int Id, string Name)> resolveField)
    {
        if (item.Field is null) throw SigmaRuleException.Invalid("'exists' needs a field name");
        if (item.Values.Count != 1 || item.Values[0]?.ToLowerInvariant() is not ("true" or "false"))
            throw SigmaRuleException.Invalid($"'{item.Field}|exists' takes true or false");
        return new ExistsNode(resolveField(item.Field).Id, item.Values[0]!.Equals("true", StringComparison.OrdinalIgnoreCase));
    }

    private StringMatcher CompileValue(string raw, List<string> mods, HashSet<string> has, bool cased, bool keyword)
    {
        if (has.Contains("re"))
        {
            var options = RegexOptions.None;
            if (has.Contains("i")) options |= RegexOptions.IgnoreCase;
            if (has.Contains("m")) options |= RegexOptions.Multiline;
            if (has.Contains("s")) options |= RegexOptions.Singleline;
            try
            {
                return new RegexMatcher(raw, options);
            }
            catch (ArgumentException ex)
            {
                throw SigmaRuleException.Unsupported($"regular expression '{raw}' is not supported by .NET ({ex.Message})");
            }
        }

        if (has.Contains("cidr")) return new CidrMatcher(raw);
        foreach (var op in (string[])["gt", "gte", "lt", "lte"])
        {
            if (!has.Contains(op)) continue;
            if (!NumericMatcher.TryNumber(raw, out var bound))
                throw SigmaRuleException.Invalid($"'{op}' needs a number, not '{raw}'");
            return new NumericMatcher(op, bound);
        }

        // Value-rewriting modifiers apply in the order written.
        var values = new List<string> { raw };
        var parsed = false;
        string? encoding = null;
        foreach (var m in mods)
        {
            switch (m)
            {
                case "expand": values = values.SelectMany(Expand).ToList(); break;
                case "utf16le" or "utf16be" or "utf16" or "wide": encoding = m; break;
                case "base64" or "base64offset":
                    // Spec escaping: the encoded text is the plain value (\* is a plain '*', \\ one backslash).
                    if (!parsed) { values = values.Select(Wildcards.Parse).ToList(); parsed = true; }
                    if (values.Any(Wildcards.HasAny))
                        throw SigmaRuleException.Unsupported($"'{m}' of a value with wildcards ('{raw}') cannot be matched");
                    values = values.SelectMany(v => m == "base64"
                        ? [ValueTransforms.Base64(ValueTransforms.Encode(v, encoding))]
                        : ValueTransforms.Base64Offsets(ValueTransforms.Encode(v, encoding))).ToList();
                    encoding = null;
                    break;
                case "windash":
                    if (!parsed) { values = values.Select(Wildcards.Parse).ToList(); parsed = true; }
                    values = values.SelectMany(ValueTransforms.Windash).ToList();
                    break;
                default: break;
            }
        }

        if (encoding is not null) throw SigmaRuleException.Unsupported($"'{encoding}' without a following base64 or base64offset has no defined matching");
        if (!parsed) values = values.Select(Wildcards.Parse).ToList();
        // A keyword is a full-text search: without a match modifier it may occur anywhere in a value.
        var kind = keyword && !has.Overlaps(["startswith", "endswith"]) ? TextMatchKind.Contains : KindOf(has);
        var variants = values.Distinct(StringComparer.Ordinal).Select(v => Build(v, kind, cased)).ToList();
        return variants.Count == 1 ? variants[0] : new AnyMatcher(variants);
    }

    private IEnumerable<string> Expand(string value)
    {
        var match = Regex.Match(value, "%([A-Za-z0-9_.-]+)%");
        if (!match.Success) return [value];
        var name = match.Groups[1].Value;
        if (!placeholders.TryGetValue(name, out var replacements) || replacements.Count == 0)
            throw SigmaRuleException.Unsupported($"placeholder %{name}% has no configured value");
        return replacements.SelectMany(r => Expand(value.Replace(match.Value, r, StringComparison.Ordinal)));
    }

    private static TextMatchKind KindOf(HashSet<string> has) =>
        has.Contains("contains") ? TextMatchKind.Contains
        : has.Contains("startswith") ? TextMatchKind.StartsWith
        : has.Contains("endswith") ? TextMatchKind.EndsWith
        : TextMatchKind.Equals;

    /// <summary>Applies contains/startswith/endswith as wildcards, then picks the cheapest matcher.</summary>
    internal static StringMatcher Build(string parsed, TextMatchKind kind, bool cased)
    {
        var pattern = kind switch
        {
            TextMatchKind.Contains => Wildcards.Star + parsed + Wildcards.Star,
            TextMatchKind.StartsWith => parsed + Wildcards.Star,
            TextMatchKind.EndsWith => Wildcards.Star + parsed,
            _ => parsed,
        };
        var lead = pattern.Length > 0 && pattern[0] == Wildcards.Star;
        var trail = pattern.Length > 1 && pattern[^1] == Wildcards.Star;
        var core = pattern[(lead ? 1 : 0)..(pattern.Length - (trail ? 1 : 0))];
        if (pattern.Length == 1 && lead) core = "";
        if (Wildcards.HasAny(core)) return new GlobMatcher(pattern, cased);
        var textKind = (lead, trail) switch
        {
            (true, true) => TextMatchKind.Contains,
            (true, false) => TextMatchKind.EndsWith,
            (false, true) => TextMatchKind.StartsWith,
            _ => TextMatchKind.Equals,
        };
        return new TextMatcher(textKind, core, cased);
    }
}
