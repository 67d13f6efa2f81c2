using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ATTT.Monitor.Collector.Reports;

/// <summary>A printable A4 HTML page of a report; every value is HTML-encoded (incident text comes from event logs).</summary>
public static class ReportHtmlRenderer
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The A4 print style of the page (inline by default, or served separately where a CSP forbids inline style).</summary>
    public const string Stylesheet = """
        @page { size: A4; margin: 20mm; }
        body { font-family: "Times New Roman", "Noto Serif", serif; font-size: 13pt; color: #000; max-width: 180mm; margin: 0 auto; }
        .head { display: flex; justify-content: space-between; text-align: center; }
        .head p { margin: 0; }
        h1 { font-size: 14pt; text-align: center; margin: 1.2em 0 0.2em; }
        .number { text-align: center; margin: 0 0 1em; }
        table { border-collapse: collapse; width: 100%; }
        td { border: 1px solid #000; padding: 4px 6px; vertical-align: top; }
        td.n { width: 2.5em; text-align: right; }
        td.l { width: 38%; font-weight: bold; }
        .sign { margin-top: 2em; margin-left: 55%; text-align: center; }
        .draft { color: #a00; text-align: center; font-weight: bold; }
        @media print { .draft { display: none; } }
        """ + "\n";

    /// <param name="report">The report to print.</param>
    /// <param name="stylesheetHref">Null: <see cref="Stylesheet"/> inline (a self-contained file); else a link to it (the dashboard's strict CSP allows no inline style).</param>
    public static string Render(IncidentReport report, string? stylesheetHref = null)
    {
        var sb = new StringBuilder();
        sb.Append("""
            <!DOCTYPE html>
            <html lang="vi"><head><meta charset="utf-8">
            """);
        sb.Append("<title>").Append(E(ReportForm.ShortTitle(report.Form))).Append(" số ").Append(E(report.Number)).Append("</title>\n");
        if (stylesheetHref is null)
            sb.Append("<style>\n").Append(Stylesheet).Append("</style>");
        else
            sb.Append("<link rel=\"stylesheet\" href=\"").Append(Html.Encode(stylesheetHref)).Append("\">");
        sb.Append("</head><body>\n");
        sb.Append("<div class=\"head\"><div><p><strong>").Append(E(report.Fields.ReportingOrganisation)).Append("</strong></p></div>");
        sb.Append("<div><p><strong>").Append(E(ReportLayout.Nation)).Append("</strong></p><p><em>").Append(E(ReportLayout.Motto)).Append("</em></p></div></div>\n");
        if (report.IsDraft)
            sb.Append("<p class=\"draft\">BẢN NHÁP - chưa gửi</p>\n");
        sb.Append("<p class=\"number\">").Append(E(ReportLayout.FormLabel(report.Form))).Append("</p>\n");
        sb.Append("<h1>").Append(E(ReportForm.Title(report.Form))).Append("</h1>\n");
        sb.Append("<p class=\"number\">Số: ").Append(E(report.Number)).Append("</p>\n");
        sb.Append("<p>Kính gửi: Cơ quan điều phối quốc gia về ứng cứu sự cố; Công an tỉnh (Phòng An ninh mạng); Sở Khoa học và Công nghệ.</p>\n");
        sb.Append("<table>\n");
        foreach (var row in ReportLayout.Rows(report))
        {
            sb.Append("<tr><td class=\"n\">").Append(E(row.Number)).Append("</td><td class=\"l\">").Append(E(row.Label))
              .Append("</td><td>").Append(E(row.Value)).Append("</td></tr>\n");
        }

        sb.Append("</table>\n");
        sb.Append("<div class=\"sign\"><p><strong>Người báo cáo</strong></p><p><em>(Ký, ghi rõ họ tên, đóng dấu)</em></p><br><br><p>")
          .Append(E(report.Fields.Signatory)).Append("</p></div>\n");
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static string E(string value) => Html.Encode(value).Replace("&#xA;", "<br>", StringComparison.Ordinal);
}
