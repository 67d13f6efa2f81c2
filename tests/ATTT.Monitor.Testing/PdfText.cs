using System.Diagnostics;
using System.Text;
using Xunit;

namespace ATTT.Monitor.Testing;

/// <summary>
/// A PDF's text as a reader's viewer gets it, by poppler's pdftotext (Debian's poppler-utils,
/// installed by scripts/install-deps.sh test), and a check that a label reads in it as written.
/// </summary>
public static class PdfText
{
    public const string Tool = "/usr/bin/pdftotext";

    /// <summary>The words of the PDF's text, in content order, NFC.</summary>
    public static async Task<string[]> WordsAsync(byte[] pdf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        Assert.True(File.Exists(Tool), $"{Tool} is missing: scripts/install-deps.sh test installs poppler-utils");
        using var folder = new TempFolder("attt-pdf");
        var file = Path.Combine(folder.Path, "report.pdf");
        await File.WriteAllBytesAsync(file, pdf, cancellationToken);
        using var process = Process.Start(new ProcessStartInfo(Tool, ["-enc", "UTF-8", "-raw", file, "-"]) { RedirectStandardOutput = true })!;
        var text = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Assert.Equal(0, process.ExitCode);
        return Words(text);
    }

    /// <summary>
    /// Whether <paramref name="label"/>'s words, each exactly as written, follow one another in the
    /// text. A label wrapped in its column shares its lines with the value beside it, so the value's
    /// words may come in between (within a few lines).
    /// </summary>
    public static bool Reads(string[] words, string label)
    {
        ArgumentNullException.ThrowIfNull(words);
        var wanted = Words(label);
        for (var start = Array.IndexOf(words, wanted[0]); start >= 0; start = Array.IndexOf(words, wanted[0], start + 1))
        {
            var next = 1;
            for (var i = start + 1; i < words.Length && next < wanted.Length && i - start < 80; i++)
            {
                if (words[i] == wanted[next])
                    next++;
            }

            if (next == wanted.Length)
                return true;
        }

        return false;
    }

    private static string[] Words(string text) =>
        text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
