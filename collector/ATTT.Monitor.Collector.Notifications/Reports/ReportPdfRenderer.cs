using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ATTT.Monitor.Collector.Reports;

/// <summary>
/// Renders a report as an A4 PDF with PDFsharp (MIT) and an embedded Unicode font: no browser, no
/// external process, so it works the same in a commune's Windows service and on CI. Text is
/// normalised to NFC so Vietnamese letters map to single glyphs of the font.
/// </summary>
internal static class ReportPdfRenderer
{
    internal const double Margin = 50;
    private const double LabelWidth = 190;

    public static byte[] Render(IncidentReport report)
    {
        using var document = new PdfDocument();
        document.Info.Title = $"{ReportForm.ShortTitle(report.Form)} số {report.Number}";
        document.Info.Creator = "ATTT Monitor";
        var regular = new XFont(PdfFontResolver.Family, 10.5, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
        var bold = new XFont(PdfFontResolver.Family, 10.5, XFontStyleEx.Bold, new XPdfFontOptions(PdfFontEncoding.Unicode));
        var title = new XFont(PdfFontResolver.Family, 13, XFontStyleEx.Bold, new XPdfFontOptions(PdfFontEncoding.Unicode));
        var writer = new PageWriter(document);

        writer.Centered(N(ReportLayout.Nation), bold);
        writer.Centered(N(ReportLayout.Motto), regular);
        writer.Gap(10);
        writer.Line(N(report.Fields.ReportingOrganisation), bold, Margin, writer.Width);
        if (report.IsDraft)
            writer.Centered("BẢN NHÁP - chưa gửi", bold);
        writer.Centered(N(ReportLayout.FormLabel(report.Form)), regular);
        writer.Gap(6);
        writer.Centered(N(ReportForm.Title(report.Form)), title);
        writer.Centered(N($"Số: {report.Number}"), regular);
        writer.Gap(8);
        foreach (var row in ReportLayout.Rows(report))
            writer.Row(N($"{row.Number}. {row.Label}"), N(row.Value), bold, regular, LabelWidth);
        writer.Gap(24);
        writer.Reserve(90); // the signature block stays on one page
        writer.Line("Người báo cáo", bold, Margin + (writer.Width / 2), writer.Width / 2);
        writer.Line("(Ký, ghi rõ họ tên, đóng dấu)", regular, Margin + (writer.Width / 2), writer.Width / 2);
        writer.Gap(30);
        writer.Line(N(report.Fields.Signatory), bold, Margin + (writer.Width / 2), writer.Width / 2);
        writer.Dispose();

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static string N(string value) => value.Normalize(NormalizationForm.FormC);

    /// <summary>Writes wrapped lines top to bottom, starting a new page when one is full.</summary>
    internal sealed class PageWriter(PdfDocument document) : IDisposable
    {
        private XGraphics? _graphics;
        private double _y;
        private PdfPage? _page;

        public double Width => (_page ?? NewPage()).Width.Point - (2 * Margin);

        public void Gap(double points) => _y += points;

        public void Reserve(double height) => Ensure(height);

        public void Centered(string text, XFont font)
        {
            foreach (var line in Wrap(text, font, Width))
            {
                var g = Ensure(font.GetHeight());
                var w = g.MeasureString(line, font).Width;
                g.DrawString(line, font, XBrushes.Black, new XPoint(Margin + ((Width - w) / 2), _y + font.GetHeight() * 0.8));
                _y += font.GetHeight() + 2;
            }
        }

        public void Line(string text, XFont font, double x, double width)
        {
            foreach (var line in Wrap(text, font, width))
            {
                var g = Ensure(font.GetHeight());
                g.DrawString(line, font, XBrushes.Black, new XPoint(x, _y + font.GetHeight() * 0.8));
                _y += font.GetHeight() + 2;
            }
        }

        public void Row(string label, string value, XFont labelFont, XFont valueFont, double labelWidth)
        {
            var labelLines = Wrap(label, labelFont, labelWidth - 6);
            var valueLines = Wrap(string.IsNullOrWhiteSpace(value) ? "-" : value, valueFont, Width - labelWidth - 6);
            var count = Math.Max(labelLines.Count, valueLines.Count);
            var lineHeight = valueFont.GetHeight() + 2;
            for (var i = 0; i < count; i++)
            {
                var g = Ensure(lineHeight);
                var baseline = _y + valueFont.GetHeight() * 0.8;
                if (i < labelLines.Count)
                    g.DrawString(labelLines[i], labelFont, XBrushes.Black, new XPoint(Margin, baseline));
                if (i < valueLines.Count)
                    g.DrawString(valueLines[i], valueFont, XBrushes.Black, new XPoint(Margin + labelWidth, baseline));
                _y += lineHeight;
            }

            var rule = Ensure(4);
            rule.DrawLine(XPens.LightGray, Margin, _y + 1, Margin + Width, _y + 1);
            _y += 4;
        }

        public void Dispose() => _graphics?.Dispose();

        private XGraphics Ensure(double height)
        {
            if (_graphics is null || _page is null || _y + height > _page.Height.Point - Margin)
                NewPage();
            return _graphics!;
        }

        private PdfPage NewPage()
        {
            _graphics?.Dispose();
            _page = document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
            return _page;
        }

        private List<string> Wrap(string text, XFont font, double width)
        {
            var g = _graphics ?? Ensure(0);
            var lines = new List<string>();
            foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                var current = new StringBuilder();
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = current.Length == 0 ? word : current + " " + word;
                    if (g.MeasureString(candidate, font).Width <= width || current.Length == 0)
                    {
                        current.Clear().Append(candidate);
                        continue;
                    }

                    lines.Add(current.ToString());
                    current.Clear().Append(word);
                }

                lines.AddRange(current.Length > 0 || paragraph.Length == 0 ? [current.ToString()] : []);
            }

            // A single word longer than the column (a hash, a path) is cut by characters.
            return [.. lines.SelectMany(l => Split(l, font, width, g))];
        }

        private static IEnumerable<string> Split(string line, XFont font, double width, XGraphics g)
        {
            while (line.Length > 1 && g.MeasureString(line, font).Width > width)
            {
                var take = line.Length - 1;
                while (take > 1 && g.MeasureString(line[..take], font).Width > width)
                    take--;
                yield return line[..take];
                line = line[take..];
            }

            yield return line;
        }
    }
}
