using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace ATTT.Monitor.Collector.Dashboard.Localization;

/// <summary>
/// A text of the table whose arguments may carry markup of their own, for words that are in another
/// language than the text around them (an agency's official Vietnamese name inside an English sentence):
/// the text and its plain arguments are encoded as Razor encodes any string, an <see cref="IHtmlContent"/>
/// argument is written as it is.
/// </summary>
internal static partial class MarkedText
{
    /// <summary>Like <see cref="DashboardText.Format"/>, for texts whose placeholders are plain <c>{N}</c>.</summary>
    public static IHtmlContent FormatMarked(this DashboardText texts, string key, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(args);
        var template = texts[key];
        var content = new HtmlContentBuilder();
        var at = 0;
        foreach (Match placeholder in Placeholder().Matches(template))
        {
            content.Append(template[at..placeholder.Index]);
            var arg = args[int.Parse(placeholder.Groups[1].ValueSpan, CultureInfo.InvariantCulture)];
            if (arg is IHtmlContent html)
                content.AppendHtml(html);
            else
                content.Append(string.Format(texts.Culture, "{0}", arg));
            at = placeholder.Index + placeholder.Length;
        }

        return content.Append(template[at..]);
    }

    /// <summary>Words that exist only in Vietnamese (an official name), marked so for screen readers in either language.</summary>
    public static IHtmlContent Vietnamese(string words) =>
        new HtmlContentBuilder().AppendHtml("<span lang=\"vi\">").Append(words).AppendHtml("</span>");

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
