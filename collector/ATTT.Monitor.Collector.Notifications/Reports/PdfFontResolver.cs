using PdfSharp.Fonts;

namespace ATTT.Monitor.Collector.Reports;

/// <summary>
/// Gives PDFsharp a Unicode TrueType font that has every Vietnamese letter, embedded in the PDF.
/// Looks for Noto Sans (Debian fonts-noto-core), then DejaVu Sans (fonts-dejavu-core), then Arial
/// on Windows; a configured file comes first.
/// </summary>
internal sealed class PdfFontResolver : IFontResolver
{
    public const string Family = "ATTT Report Sans";

    private static readonly (string Regular, string Bold)[] Candidates =
    [
        ("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"),
        ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
        (@"C:\Windows\Fonts\arial.ttf", @"C:\Windows\Fonts\arialbd.ttf"),
    ];

    private readonly byte[] _regular;
    private readonly byte[] _bold;

    public PdfFontResolver(string? regularFile, string? boldFile)
    {
        var (regular, bold) = Find(regularFile, boldFile);
        RegularPath = regular;
        BoldPath = bold;
        _regular = File.ReadAllBytes(regular);
        _bold = File.ReadAllBytes(bold);
    }

    public string RegularPath { get; }

    public string BoldPath { get; }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "attt-bold" : "attt-regular");

    public byte[]? GetFont(string faceName) => faceName == "attt-bold" ? _bold : _regular;

    private static (string Regular, string Bold) Find(string? regularFile, string? boldFile)
    {
        if (!string.IsNullOrWhiteSpace(regularFile))
        {
            if (!File.Exists(regularFile))
                throw new FileNotFoundException($"The PDF font file {regularFile} (Notifications:Reporting:PdfFontFile) does not exist.", regularFile);
            return (regularFile, !string.IsNullOrWhiteSpace(boldFile) && File.Exists(boldFile) ? boldFile : regularFile);
        }

        foreach (var (regular, bold) in Candidates)
        {
            if (File.Exists(regular))
                return (regular, File.Exists(bold) ? bold : regular);
        }

        throw new FileNotFoundException(
            "No Unicode font for PDF reports was found: install Debian's fonts-noto-core (or fonts-dejavu-core), or set Notifications:Reporting:PdfFontFile to a .ttf file with Vietnamese letters.");
    }
}
