using System.Globalization;

namespace ATTT.Monitor.Evtx.Rendering;

/// <summary>
/// Writes a record's XML as Windows would show it, on one line (line breaks become &#xA;). Event content is attacker-controlled,
/// so every text is escaped, and characters XML 1.0 cannot carry are written as character references.
/// </summary>
internal static class XmlRenderer
{
    public static void Write(XmlNode node, TextWriter writer)
    {
        writer.Write('<');
        writer.Write(node.Name);
        foreach (var a in node.Attributes)
        {
            writer.Write(' ');
            writer.Write(a.Name);
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
        writer.Write(node.Name);
        writer.Write('>');
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
