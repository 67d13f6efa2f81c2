using System.Security;
using System.Text;

namespace ATTT.Monitor.Agent.Sources.Query;

/// <summary>
/// The structured XML query (a QueryList) the agent subscribes to a channel with. Microsoft
/// documents that a query of more than 20 expressions needs a structured query and that the XPath of
/// one Select or Suppress is limited to 32 expressions (QueryType complex type, "Event Selection");
/// winlogbeat met a practical limit of about 22 (elastic/beats#1491). So the included ids are split
/// into Select paths of at most <see cref="MaxExpressionsPerPath"/> expressions (a single id is one, a
/// range two, a range is never split), and the excluded ids go into Suppress paths split the same way.
/// Event Viewer's "Filter Current Log → XML → Edit query manually" accepts the same text.
/// </summary>
public static class QueryListBuilder
{
    public const int MaxExpressionsPerPath = 20;

    public static string Build(string channel, EventIdSet ids)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(ids);
        var path = SecurityElement.Escape(channel);
        var xml = new StringBuilder();
        xml.Append("<QueryList>\n");
        xml.Append("  <Query Id=\"0\" Path=\"").Append(path).Append("\">\n");
        if (ids.Included.Count == 0)
            xml.Append("    <Select Path=\"").Append(path).Append("\">*</Select>\n");
        foreach (var group in Groups(ids.Included))
            Path(xml, "Select", path, group);
        foreach (var group in Groups(ids.Excluded))
            Path(xml, "Suppress", path, group);
        xml.Append("  </Query>\n");
        xml.Append("</QueryList>\n");
        return xml.ToString();
    }

    /// <summary>The ranges in order, cut into groups of at most <see cref="MaxExpressionsPerPath"/> expressions.</summary>
    public static List<List<EventIdRange>> Groups(IReadOnlyList<EventIdRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var groups = new List<List<EventIdRange>>();
        var cost = 0;
        foreach (var range in ranges)
        {
            if (groups.Count == 0 || cost + range.Expressions > MaxExpressionsPerPath)
            {
                groups.Add([]);
                cost = 0;
            }

            groups[^1].Add(range);
            cost += range.Expressions;
        }

        return groups;
    }

    private static void Path(StringBuilder xml, string element, string path, List<EventIdRange> group)
    {
        xml.Append("    <").Append(element).Append(" Path=\"").Append(path).Append("\">*[System[");
        xml.Append(group.Count == 1 ? group[0].ToXPath() : "(" + string.Join(" or ", group.Select(r => r.ToXPath())) + ")");
        xml.Append("]]</").Append(element).Append(">\n");
    }
}
