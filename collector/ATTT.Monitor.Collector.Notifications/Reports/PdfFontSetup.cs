using PdfSharp.Fonts;

namespace ATTT.Monitor.Collector.Reports;

/// <summary>
/// PDFsharp reads its font resolver from one process-wide setting that may be set only once, so
/// this is the single place that sets it (the one piece of global state, imposed by the library).
/// </summary>
internal static class PdfFontSetup
{
    private static readonly Lock Gate = new();

    public static void Ensure(string? regularFile, string? boldFile)
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is PdfFontResolver)
                return;
            GlobalFontSettings.FontResolver = new PdfFontResolver(regularFile, boldFile);
        }
    }
}
