using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ATTT.Monitor.Agent.Sources;
using ATTT.Monitor.Agent.Sources.Query;
using CsCheck;

namespace ATTT.Monitor.Agent.Tests.Sources;

/// <summary>
/// The structured queries against Microsoft's documented limits (QueryType complex type: the XPath of
/// a Select or Suppress is limited to 32 expressions; a query of more than 20 needs a structured query).
/// The generated XML is read back by a small evaluator of its own conditions to check what it selects.
/// </summary>
public sealed class QueryListBuilderTests
{
    [Fact]
    public void The_default_security_query_keeps_every_select_within_20_expressions_and_covers_each_id_once()
    {
        var security = WindowsChannels.Defaults().Single(c => c.Name == "Security");
        var xml = XDocument.Parse(security.Query());

        var selects = xml.Descendants("Select").ToList();
        Assert.True(selects.Count >= 2, "29 expressions cannot fit in one Select of 20");
        Assert.All(selects, s => Assert.InRange(Expressions(s.Value), 1, QueryListBuilder.MaxExpressionsPerPath));
        Assert.All(xml.Descendants().Where(e => e.Attribute("Path") is not null), e => Assert.Equal("Security", e.Attribute("Path")!.Value));
        foreach (var id in new[] { 1102, 4624, 4625, 4648, 4672, 4688, 4720, 4794, 5145, 6416 })
            Assert.Equal(1, selects.Count(s => Matches(s.Value, id)));
        Assert.Equal(0, selects.Count(s => Matches(s.Value, 4801)));
    }

    [Fact]
    public void Exclusions_become_a_suppress_path_and_a_channel_without_ids_selects_everything()
    {
        var xml = XDocument.Parse(QueryListBuilder.Build("Security", EventIdSet.Parse("4624, 4700-4800, -4735")));

        var select = Assert.Single(xml.Descendants("Select"));
        Assert.Equal("*[System[(EventID=4624 or (EventID >= 4700 and EventID <= 4800))]]", select.Value);
        Assert.Equal("*[System[EventID=4735]]", Assert.Single(xml.Descendants("Suppress")).Value);
        Assert.Equal("*", Assert.Single(XDocument.Parse(QueryListBuilder.Build("System", EventIdSet.All)).Descendants("Select")).Value);
        Assert.Equal("*", Assert.Single(XDocument.Parse(QueryListBuilder.Build("System", EventIdSet.Parse("-7036"))).Descendants("Select")).Value);
    }

    [Theory]
    [InlineData("4624,,4625", "empty entry")]
    [InlineData("4624, abc", "'abc'")]
    [InlineData("4800-4700", "below its start")]
    [InlineData("70000", "0-65535")]
    [InlineData("-", "'-'")]
    public void A_bad_event_id_list_names_the_entry(string text, string fault) =>
        Assert.Contains(fault, Assert.Throws<FormatException>(() => EventIdSet.Parse(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void Any_list_of_ids_and_ranges_gives_paths_within_the_limit_that_select_each_configured_id_exactly_once()
    {
        var entry = Gen.Int[0, 3].SelectMany(kind => kind switch
        {
            0 => Gen.Int[0, 300].Select(i => (4000 + i).ToString(CultureInfo.InvariantCulture)),
            1 => Gen.Int[0, 300].SelectMany(a => Gen.Int[0, 40].Select(n => $"{4000 + a}-{4000 + a + n}")),
            2 => Gen.Int[0, 300].Select(i => "-" + (4000 + i).ToString(CultureInfo.InvariantCulture)),
            _ => Gen.Int[0, 300].SelectMany(a => Gen.Int[0, 10].Select(n => $"-{4000 + a}-{4000 + a + n}")),
        });
        entry.Array[0, 60].Sample(entries =>
        {
            var text = string.Join(", ", entries);
            var set = EventIdSet.Parse(text);
            var xml = XDocument.Parse(QueryListBuilder.Build("Security", set));
            var selects = xml.Descendants("Select").Select(s => s.Value).ToList();
            var suppresses = xml.Descendants("Suppress").Select(s => s.Value).ToList();
            if (selects.Concat(suppresses).Any(p => p != "*" && Expressions(p) > QueryListBuilder.MaxExpressionsPerPath))
                return false;
            var included = entries.Where(e => !e.StartsWith('-')).ToList();
            var excluded = entries.Where(e => e.StartsWith('-')).Select(e => e[1..]).ToList();
            for (var id = 3990; id <= 4350; id++)
            {
                var configured = included.Count == 0 || included.Any(e => Covers(e, id));
                var selectedBy = selects.Count(s => s == "*" || Matches(s, id));
                if (selectedBy != (configured ? 1 : 0))
                    return false;
                var suppressedBy = suppresses.Count(s => Matches(s, id));
                if (suppressedBy != (excluded.Any(e => Covers(e, id)) ? 1 : 0))
                    return false;
            }

            return true;
        }, iter: 300, print: e => string.Join(", ", e));
    }

    /// <summary>The number of comparisons (EventID=, &gt;=, &lt;=) in one path's XPath.</summary>
    private static int Expressions(string xpath) => Regex.Count(xpath, @"EventID\s*(=|>=|<=)");

    private static bool Matches(string xpath, int id) =>
        Regex.Matches(xpath, @"EventID=(\d+)").Any(m => Int(m.Groups[1].Value) == id)
        || Regex.Matches(xpath, @"EventID >= (\d+) and EventID <= (\d+)").Any(m => Int(m.Groups[1].Value) <= id && id <= Int(m.Groups[2].Value));

    private static bool Covers(string entry, int id)
    {
        var parts = entry.Split('-');
        return parts.Length == 1 ? Int(parts[0]) == id : Int(parts[0]) <= id && id <= Int(parts[1]);
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
}
