using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ATTT.Monitor.Collector.Reports.Monthly;

/// <summary>The monthly report as an A4 PDF, with the same writer and embedded font as Biểu mẫu 03/04 (<see cref="ReportPdfRenderer"/>).</summary>
internal static class MonthlyReportPdf
{
    public static byte[] Render(MonthlySecurityReport report, string organisation)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var document = new PdfDocument();
        document.Info.Title = $"{MonthlyReportDocument.Title} - {report.Unit} - {report.Month}";
        document.Info.Creator = "ATTT Monitor";
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var regular = new XFont(PdfFontResolver.Family, 10.5, XFontStyleEx.Regular, options);
        var bold = new XFont(PdfFontResolver.Family, 10.5, XFontStyleEx.Bold, options);
        var title = new XFont(PdfFontResolver.Family, 13, XFontStyleEx.Bold, options);
        var writer = new ReportPdfRenderer.PageWriter(document);
        const double margin = ReportPdfRenderer.Margin;

        writer.Centered(N(ReportLayout.Nation), bold);
        writer.Centered(N(ReportLayout.Motto), regular);
        writer.Gap(10);
        if (!string.IsNullOrWhiteSpace(organisation))
            writer.Line(N(organisation), bold, margin, writer.Width);
        writer.Gap(6);
        writer.Centered(N(MonthlyReportDocument.Title), title);
        writer.Centered(N(MonthlyReportDocument.MonthLabel(report)), regular);
        writer.Gap(8);
        writer.Line(N("Đơn vị: " + report.Unit), bold, margin, writer.Width);
        writer.Line(N(MonthlyReportDocument.Period(report)), regular, margin, writer.Width);
        writer.Gap(6);
        foreach (var line in MonthlyReportDocument.Lines(report))
            writer.Line(N(line), regular, margin, writer.Width);
        writer.Dispose();

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static string N(string value) => value.Normalize(NormalizationForm.FormC);
}
