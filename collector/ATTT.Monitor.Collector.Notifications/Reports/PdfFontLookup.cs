namespace ATTT.Monitor.Collector.Reports;

/// <summary>
/// Where the PDF reports' font comes from: the configured file (Notifications:Reporting:PdfFontFile),
/// else the first installed font that has every Vietnamese letter (Noto Sans from Debian's
/// fonts-noto-core, DejaVu Sans, Liberation Sans, Arial on Windows). <see cref="Problem"/> says, in
/// one sentence naming the file, why there is none.
/// </summary>
public sealed record PdfFontLookup(string? RegularPath, string? BoldPath, string? Problem)
{
    private static readonly (string Regular, string Bold)[] Candidates =
    [
        ("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"),
        ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
        ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
        (@"C:\Windows\Fonts\arial.ttf", @"C:\Windows\Fonts\arialbd.ttf"),
    ];

    public bool Found => Problem is null;

    /// <summary>Looks in the usual places, or only at <paramref name="regularFile"/> when one is configured.</summary>
    public static PdfFontLookup Find(string? regularFile, string? boldFile) =>
        Find(regularFile, boldFile, Candidates);

    internal static PdfFontLookup Find(string? regularFile, string? boldFile, IReadOnlyList<(string Regular, string Bold)> candidates)
    {
        if (!string.IsNullOrWhiteSpace(regularFile))
        {
            if (!File.Exists(regularFile))
                return new(null, null, $"The PDF font file {regularFile} (Notifications:Reporting:PdfFontFile) does not exist.");
            if (MissingLetters(regularFile) is { Length: > 0 } missing)
                return new(null, null, $"The PDF font file {regularFile} (Notifications:Reporting:PdfFontFile) has no glyph for the Vietnamese letters {Sample(missing)}.");
            var bold = !string.IsNullOrWhiteSpace(boldFile) && File.Exists(boldFile) && MissingLetters(boldFile).Length == 0 ? boldFile : regularFile;
            return new(regularFile, bold, null);
        }

        foreach (var (regular, bold) in candidates)
        {
            if (File.Exists(regular) && MissingLetters(regular).Length == 0)
                return new(regular, File.Exists(bold) && MissingLetters(bold).Length == 0 ? bold : regular, null);
        }

        return new(null, null,
            "No font with every Vietnamese letter was found for the PDF reports (looked for " + string.Join(", ", candidates.Select(c => c.Regular)) +
            "): install Debian's fonts-noto-core (scripts/install-deps.sh run), or set Notifications:Reporting:PdfFontFile to such a .ttf file.");
    }

    private static string MissingLetters(string path)
    {
        try
        {
            return TrueTypeCoverage.Missing(File.ReadAllBytes(path), TrueTypeCoverage.VietnameseLetters);
        }
        catch (IOException)
        {
            return TrueTypeCoverage.VietnameseLetters;
        }
        catch (UnauthorizedAccessException)
        {
            return TrueTypeCoverage.VietnameseLetters;
        }
    }

    private static string Sample(string missing) =>
        missing.Length <= 12 ? string.Join(' ', missing.EnumerateRunes()) : string.Join(' ', missing.EnumerateRunes().Take(12)) + " …";
}
