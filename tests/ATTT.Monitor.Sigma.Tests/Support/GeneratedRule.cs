using System.Text;

namespace ATTT.Monitor.Sigma.Tests.Support;

/// <summary>A generated Sigma rule: search identifiers and a condition, written out as YAML for the engine's parser.</summary>
internal sealed record GeneratedRule(IReadOnlyList<GeneratedSearch> Searches, GeneratedCondition Condition, bool RedundantParens)
{
    public string ConditionText => Condition.Render(RedundantParens);

    public string ToYaml()
    {
        var y = new StringBuilder();
        y.AppendLine("title: Generated property rule");
        y.AppendLine("id: 22222222-2222-2222-2222-222222222222");
        y.AppendLine("level: medium");
        y.AppendLine("logsource:");
        y.AppendLine("    product: windows");
        y.AppendLine("    category: process_creation");
        y.AppendLine("detection:");
        foreach (var search in Searches)
        {
            y.AppendLine($"    {search.Name}:");
            if (search.Keywords is { } keywords)
            {
                foreach (var k in keywords) y.AppendLine($"        - {Quote(k)}");
                continue;
            }

            if (search.Maps.Count == 1)
            {
                foreach (var item in search.Maps[0]) AppendItem(y, item, "        ");
                continue;
            }

            foreach (var map in search.Maps)
            {
                for (var i = 0; i < map.Count; i++) AppendItem(y, map[i], i == 0 ? "        - " : "          ");
            }
        }

        y.AppendLine($"    condition: {ConditionText}");
        return y.ToString();
    }

    private static void AppendItem(StringBuilder y, GeneratedItem item, string indent)
    {
        var key = Quote(item.Key);
        if (item.Values.Count == 1)
        {
            y.AppendLine($"{indent}{key}: {Scalar(item, item.Values[0])}");
            return;
        }

        y.AppendLine($"{indent}{key}:");
        var inner = new string(' ', indent.Length + 4);
        foreach (var v in item.Values) y.AppendLine($"{inner}- {Scalar(item, v)}");
    }

    private static string Scalar(GeneratedItem item, string? value) =>
        value is null ? "null" : item.Has("exists") ? value : Quote(value);

    // Single-quoted YAML interprets nothing but the doubled quote, so Sigma escapes reach the engine as written.
    private static string Quote(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
}
