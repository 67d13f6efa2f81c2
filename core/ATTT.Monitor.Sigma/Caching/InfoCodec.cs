namespace ATTT.Monitor.Sigma.Caching;

/// <summary>Rule metadata and diagnostics in the cache.</summary>
internal static class InfoCodec
{
    private enum Value : byte { Null = 0, Text, List, Map }

    /// <param name="asParsed">Write <see cref="SigmaRuleInfo.GeneratesAlerts"/> as parsing leaves it (true): correlations set it afresh at each build.</param>
    public static void Write(CacheWriter w, SigmaRuleInfo i, bool asParsed = false)
    {
        w.String(i.Id);
        w.String(i.Title);
        w.String(i.Name);
        w.String(i.Description);
        w.String(i.Status);
        w.Byte((byte)i.Level);
        w.String(i.Author);
        w.String(i.Date);
        w.String(i.Modified);
        w.Strings([.. i.Tags]);
        w.Strings([.. i.References]);
        w.Strings([.. i.FalsePositives]);
        w.Strings([.. i.Related.Select(r => r.Id)]);
        w.Strings([.. i.Related.Select(r => r.Type ?? "")]);
        w.String(i.Logsource.Product);
        w.String(i.Logsource.Category);
        w.String(i.Logsource.Service);
        w.Count(i.CustomAttributes.Count);
        foreach (var (k, v) in i.CustomAttributes)
        {
            w.String(k);
            Attribute(w, v);
        }

        w.String(i.Path);
        w.Count(i.Document);
        w.Bool(i.IsCorrelation);
        w.Bool(asParsed || i.GeneratesAlerts);
    }

    public static SigmaRuleInfo Read(CacheReader r)
    {
        var info = new SigmaRuleInfo
        {
            Id = r.Text(),
            Title = r.Text(),
            Name = r.String(),
            Description = r.String(),
            Status = r.String(),
            Level = r.Byte() is var level && level <= (byte)SigmaLevel.Critical ? (SigmaLevel)level : throw new CacheFormatException($"level {level}"),
            Author = r.String(),
            Date = r.String(),
            Modified = r.String(),
            Tags = r.Strings(),
            References = r.Strings(),
            FalsePositives = r.Strings(),
            Related = Related(r.Strings(), r.Strings()),
            Logsource = new SigmaLogsource(r.String(), r.String(), r.String()),
            CustomAttributes = Attributes(r),
            Path = r.Text(),
            Document = r.Count(),
            IsCorrelation = r.Bool(),
        };
        info.GeneratesAlerts = r.Bool();
        return info;
    }

    private static List<SigmaRelatedRule> Related(List<string> ids, List<string> types) =>
        ids.Count == types.Count
            ? [.. ids.Select((id, k) => new SigmaRelatedRule(id, types[k].Length == 0 ? null : types[k]))]
            : throw new CacheFormatException($"{ids.Count} related ids but {types.Count} types");

    public static void Write(CacheWriter w, SigmaDiagnostic d)
    {
        w.String(d.Path);
        w.Count(d.Document);
        w.Byte((byte)d.Kind);
        w.String(d.Reason);
        w.String(d.RuleId);
    }

    public static SigmaDiagnostic ReadDiagnostic(CacheReader r) =>
        new(r.Text(), r.Count(), r.Byte() switch
        {
            0 => SigmaDiagnosticKind.Unsupported,
            1 => SigmaDiagnosticKind.Invalid,
            var k => throw new CacheFormatException($"diagnostic kind {k}"),
        }, r.Text(), r.String());

    private static IReadOnlyDictionary<string, object?> Attributes(CacheReader r)
    {
        var n = r.Count();
        if (n == 0) return Parsing.RuleAttributes.None;
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++) map[r.Text()] = Attribute(r, 0);
        return map;
    }

    private static void Attribute(CacheWriter w, object? value)
    {
        switch (value)
        {
            case null: w.Byte((byte)Value.Null); break;
            case string s: w.Byte((byte)Value.Text); w.String(s); break;
            case IReadOnlyDictionary<string, object?> map:
                w.Byte((byte)Value.Map);
                w.Count(map.Count);
                foreach (var (k, v) in map)
                {
                    w.String(k);
                    Attribute(w, v);
                }

                break;
            case IReadOnlyList<object?> list:
                w.Byte((byte)Value.List);
                w.Count(list.Count);
                foreach (var v in list) Attribute(w, v);
                break;
            default: throw new InvalidOperationException($"custom attribute value of type {value.GetType().Name}");
        }
    }

    private static object? Attribute(CacheReader r, int depth)
    {
        if (depth > 33) throw new CacheFormatException("a custom attribute is nested too deeply");
        switch ((Value)r.Byte())
        {
            case Value.Null: return null;
            case Value.Text: return r.Text();
            case Value.List:
            {
                var n = r.Count();
                var list = new List<object?>(Math.Min(n, 1024));
                for (var i = 0; i < n; i++) list.Add(Attribute(r, depth + 1));
                return list;
            }

            case Value.Map:
            {
                var n = r.Count();
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < n; i++) map[r.Text()] = Attribute(r, depth + 1);
                return map;
            }

            default: throw new CacheFormatException("unknown custom attribute value");
        }
    }
}
