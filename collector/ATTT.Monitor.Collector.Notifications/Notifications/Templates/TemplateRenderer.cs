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
/// override the shipped ones in Templates/Notifications beside the executable; an override that is
/// broken (no Subject line, not UTF-8, empty) is reported in <see cref="TemplateHealth"/> and the
/// shipped template is used instead, so a typo never stops a notice.
/// </summary>
internal sealed partial class TemplateRenderer(IOptionsMonitor<NotificationsOptions> options, TemplateHealth health)
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, "Templates", "Notifications");

    public RenderedMessage Render(string kind, IReadOnlyDictionary<string, string> values)
    {
        var (subjectLine, body) = SplitSubject(Read(kind + ".txt"));
        var html = Read(kind + ".html");
        var subject = Fill(subjectLine, values, encode: false);
        return new RenderedMessage(OneLine(subject), Fill(body, values, encode: false), Fill(html, values, encode: true));
    }

    /// <summary>Every problem of the operator's and the shipped templates of <paramref name="kinds"/>, file by file.</summary>
    public IReadOnlyList<TemplateProblem> Check(IEnumerable<string> kinds)
    {
        var problems = new List<TemplateProblem>();
        foreach (var kind in kinds)
        {
            foreach (var file in new[] { kind + ".txt", kind + ".html" })
            {
                if (CustomPath(file) is { } custom && Problem(custom, file) is { } reason)
                    problems.Add(new TemplateProblem(custom, reason, UsesShipped: true));
                if (Problem(Path.Combine(ShippedFolder, file), file) is { } shipped)
                    problems.Add(new TemplateProblem(Path.Combine(ShippedFolder, file), shipped, UsesShipped: false));
            }
        }

        return problems;
    }

    /// <summary>Why a template file cannot be used, or null when it can.</summary>
    public static string? Problem(string path, string fileName)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, StrictUtf8);
        }
        catch (FileNotFoundException)
        {
            return "không có tệp / the file is missing";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return ex is DecoderFallbackException ? "không phải UTF-8 / the file is not UTF-8" : $"không đọc được / cannot be read: {ex.Message}";
        }

        if (string.IsNullOrWhiteSpace(text))
            return "tệp rỗng / the file is empty";
        if (!fileName.EndsWith(".txt", StringComparison.Ordinal))
            return null;
        var first = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', 2)[0];
        if (!first.StartsWith("Subject:", StringComparison.OrdinalIgnoreCase))
            return "dòng 1 phải là 'Subject: ...' / line 1 must be 'Subject: ...'";
        return string.IsNullOrWhiteSpace(first["Subject:".Length..]) ? "dòng 1: tiêu đề trống / line 1: the subject is empty" : null;
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

    private static (string Subject, string Body) SplitSubject(string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var firstBreak = text.IndexOf('\n', StringComparison.Ordinal);
        var subjectLine = firstBreak < 0 ? text : text[..firstBreak];
        var body = firstBreak < 0 ? "" : text[(firstBreak + 1)..].TrimStart('\n');
        return (subjectLine["Subject:".Length..].Trim(), body);
    }

    private string? CustomPath(string fileName)
    {
        var custom = options.CurrentValue.TemplatesFolder;
        if (string.IsNullOrWhiteSpace(custom))
            return null;
        var path = Path.Combine(custom, fileName);
        return File.Exists(path) ? path : null;
    }

    private string Read(string fileName)
    {
        if (CustomPath(fileName) is { } custom)
        {
            if (Problem(custom, fileName) is not { } reason)
                return File.ReadAllText(custom, Encoding.UTF8);
            health.Report(new TemplateProblem(custom, reason, UsesShipped: true));
        }

        var shipped = Path.Combine(ShippedFolder, fileName);
        if (Problem(shipped, fileName) is { } broken)
            throw new InvalidDataException($"The notification template {shipped} cannot be used: {broken}.");
        return File.ReadAllText(shipped, Encoding.UTF8);
    }

    [GeneratedRegex(@"\{\{\s*([a-z0-9_]+)\s*\}\}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
