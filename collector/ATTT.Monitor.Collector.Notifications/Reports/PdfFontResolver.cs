using PdfSharp.Fonts;

namespace ATTT.Monitor.Collector.Reports;

/// <summary>
/// Gives PDFsharp a Unicode TrueType font that has every Vietnamese letter, embedded in the PDF,
/// as <see cref="PdfFontLookup"/> finds it; without one it refuses with the lookup's reason rather
/// than print reports with letters missing.
/// </summary>
internal sealed class PdfFontResolver : IFontResolver
{
    public const string Family = "ATTT Report Sans";

    private readonly byte[] _regular;
    private readonly byte[] _bold;

    public PdfFontResolver(string? regularFile, string? boldFile)
    {
        var found = PdfFontLookup.Find(regularFile, boldFile);
        if (!found.Found)
            throw new FileNotFoundException(found.Problem, regularFile);
        RegularPath = found.RegularPath!;
        BoldPath = found.BoldPath!;
        _regular = File.ReadAllBytes(RegularPath);
        _bold = File.ReadAllBytes(BoldPath);
    }

    public string RegularPath { get; }

    public string BoldPath { get; }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "attt-bold" : "attt-regular");

    public byte[]? GetFont(string faceName) => faceName == "attt-bold" ? _bold : _regular;
}
