using System.Globalization;

namespace ATTT.Monitor.Evtx.Rendering;

/// <summary>
/// Writes a record's XML as Windows would show it, on one line (line breaks become &#xA;). Event content is attacker-controlled,
/// so every text is escaped, and characters XML 1.0 cannot carry are written as character references.
/// Names are attacker-controlled too (recovered deleted records): see <see cref="XmlNames"/>.
/// </summary>
internal static class XmlRenderer
{
    public static void Write(XmlNode node, TextWriter writer)
    {
        var name = XmlNames.Safe(node.Name);
        writer.Write('<');
        writer.Write(name);
        var attributes = node.Attributes;
        HashSet<string>? used = null;
        for (var i = 0; i < attributes.Length; i++)
        {
            var a = attributes[i];
            writer.Write(' ');
            writer.Write(UniqueAttributeName(attributes, i, ref used));
            writer.Write("=\"");
            Escape(a.Value, writer, attribute: true);
            writer.Write('"');
        }

        if (node.Children.IsEmpty && node.Text is null)
        {
            writer.Write("/>");
            return;
        }

        writer.Write('>');
        if (node.Text is not null)
            Escape(node.Text, writer, attribute: false);
        foreach (var child in node.Children)
            Write(child, writer);
        writer.Write("</");
        writer.Write(name);
        writer.Write('>');
    }

    /// <summary>
    /// The safe name of attribute <paramref name="index"/>, with a suffix _1, _2, … when an earlier
    /// attribute of the element has the same name: a damaged template can repeat a name, or two names
    /// can become one once made safe, and a repeated attribute makes the XML ill-formed.
    /// </summary>
    private static string UniqueAttributeName(ReadOnlySpan<XmlAttribute> attributes, int index, ref HashSet<string>? used)
    {
        var name = XmlNames.SafeAttribute(attributes[index].Name);
        if (index == 0)
            return name;
        if (used is null)
        {
            // Elements have a handful of attributes: compare with the earlier ones, and only when a
            // name repeats (damaged records) or the element is long, track the names written so far.
            var clash = index >= 16;
            for (var j = 0; j < index && !clash; j++)
                clash = XmlNames.SafeAttribute(attributes[j].Name) == name;
            if (!clash)
                return name;
            used = new HashSet<string>(StringComparer.Ordinal);
            for (var j = 0; j < index; j++)
                used.Add(XmlNames.SafeAttribute(attributes[j].Name));
        }

        var unique = name;
        for (var n = 1; !used.Add(unique); n++)
            unique = name + "_" + n.ToString(CultureInfo.InvariantCulture);
        return unique;
    }

    private static void Escape(string text, TextWriter writer, bool attribute)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' when attribute => "&quot;",
                // Line breaks as references keep one record per line, which scripts rely on.
                '\n' or '\r' => CharRef(c),
                '\t' when attribute => CharRef(c),
                '\t' => null,
                < ' ' or '\uFFFE' or '\uFFFF' => CharRef(c),
                _ => null,
            };
            if (replacement is null)
                continue;
            writer.Write(text.AsSpan(start, i - start));
            writer.Write(replacement);
            start = i + 1;
        }

        writer.Write(text.AsSpan(start));
    }

    private static string CharRef(char c) => "&#x" + ((int)c).ToString("X", CultureInfo.InvariantCulture) + ";";
}
