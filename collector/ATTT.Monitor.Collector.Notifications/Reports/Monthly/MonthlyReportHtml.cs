using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace ATTT.Monitor.Collector.Reports.Monthly;

/// <summary>The monthly report as a printable A4 page, with the print style of Biểu mẫu 03/04; every value encoded.</summary>
public static class MonthlyReportHtml
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    /// <param name="stylesheetHref">Null: the style inline; else a link to it (the dashboard's CSP allows no inline style).</param>
    public static string Render(MonthlySecurityReport report, string organisation, string? stylesheetHref = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">\n");
        sb.Append("<title>").Append(E(MonthlyReportDocument.Title)).Append(" - ").Append(E(report.Unit)).Append("</title>\n");
        if (stylesheetHref is null)
            sb.Append("<style>\n").Append(ReportHtmlRenderer.Stylesheet).Append("</style>");
        else
            sb.Append("<link rel=\"stylesheet\" href=\"").Append(E(stylesheetHref)).Append("\">");
        sb.Append("</head><body>\n<div class=\"head\"><div><p><strong>").Append(E(organisation)).Append("</strong></p></div>");
        sb.Append("<div><p><strong>").Append(E(ReportLayout.Nation)).Append("</strong></p><p><em>").Append(E(ReportLayout.Motto)).Append("</em></p></div></div>\n");
        sb.Append("<h1>").Append(E(MonthlyReportDocument.Title)).Append("</h1>\n");
        sb.Append("<p class=\"number\">").Append(E(MonthlyReportDocument.MonthLabel(report))).Append("</p>\n");
        sb.Append("<p><strong>Đơn vị: ").Append(E(report.Unit)).Append("</strong><br>").Append(E(MonthlyReportDocument.Period(report))).Append("</p>\n");
        foreach (var line in MonthlyReportDocument.Lines(report))
            sb.Append("<p>").Append(E(line)).Append("</p>\n");
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static string E(string value) => Html.Encode(value);
}
