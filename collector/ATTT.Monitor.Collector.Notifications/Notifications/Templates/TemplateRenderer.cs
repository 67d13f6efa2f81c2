using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using ATTT.Monitor.Collector.Notifications.Options;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Notifications.Templates;

/// <summary>
/// Renders message templates an operator can edit. Each kind has <c>KIND.txt</c> (first line
/// <c>Subject: ...</c>, a blank line, then the plain-text body) and <c>KIND.html</c>. Placeholders
/// are <c>{{name}}</c>; in HTML every value is HTML-encoded because incident content comes from
/// event logs an attacker can write. Files in <see cref="NotificationsOptions.TemplatesFolder"/>
/// override the shipped ones in Templates/Notifications beside the executable.
/// </summary>
public sealed partial class TemplateRenderer(IOptionsMonitor<NotificationsOptions> options)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, "Templates", "Notifications");

    public RenderedMessage Render(string kind, IReadOnlyDictionary<string, string> values)
    {
        var text = Read(kind + ".txt");
        var html = Read(kind + ".html");
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var firstBreak = text.IndexOf('\n', StringComparison.Ordinal);
        var subjectLine = firstBreak < 0 ? text : text[..firstBreak];
        if (!subjectLine.StartsWith("Subject:", StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"The template {kind}.txt must start with a line 'Subject: ...'.");
        var body = firstBreak < 0 ? "" : text[(firstBreak + 1)..].TrimStart('\n');
        var subject = Fill(subjectLine["Subject:".Length..].Trim(), values, encode: false);
        return new RenderedMessage(OneLine(subject), Fill(body, values, encode: false), Fill(html, values, encode: true));
    }

    /// <summary>Fills placeholders; unknown names become empty so an edited template never leaks braces.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values, bool encode) =>
        Placeholder().Replace(template, m =>
        {
            var value = values.TryGetValue(m.Groups[1].Value, out var v) ? v : "";
            if (!encode)
                return value;
            // Line breaks in a value stay visible in HTML.
            return Html.Encode(value).Replace("&#xA;", "<br>", StringComparison.Ordinal);
        });

    /// <summary>Subjects are one line without control characters (no header injection).</summary>
    public static string OneLine(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
            sb.Append(char.IsControl(c) ? ' ' : c);
        return sb.ToString().Trim();
    }

    private string Read(string fileName)
    {
        var custom = options.CurrentValue.TemplatesFolder;
        if (!string.IsNullOrWhiteSpace(custom))
        {
            var path = Path.Combine(custom, fileName);
            if (File.Exists(path))
                return File.ReadAllText(path, Encoding.UTF8);
        }

        var shipped = Path.Combine(ShippedFolder, fileName);
        if (!File.Exists(shipped))
            throw new FileNotFoundException($"The notification template {fileName} was not found in {custom ?? "(no TemplatesFolder)"} nor in {ShippedFolder}.", shipped);
        return File.ReadAllText(shipped, Encoding.UTF8);
    }

    [GeneratedRegex(@"\{\{\s*([a-z0-9_]+)\s*\}\}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
