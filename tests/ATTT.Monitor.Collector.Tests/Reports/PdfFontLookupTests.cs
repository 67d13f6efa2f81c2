using ATTT.Monitor.Collector.Reports;
using ATTT.Monitor.Collector.Tests.Support;

namespace ATTT.Monitor.Collector.Tests.Reports;

/// <summary>The PDF font is one with every Vietnamese letter, read from the font's own character map, or a reason naming the file.</summary>
public sealed class PdfFontLookupTests
{
    private const string Noto = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";

    [Fact]
    public void VietnameseLetters_AreTheTwelveVowelsWithEachToneAndD_InBothCases()
    {
        Assert.Equal(2 * (1 + (12 * 6)), TrueTypeCoverage.VietnameseLetters.Length);
        foreach (var letter in "ệưởẫỹĐỰ")
            Assert.Contains(letter, TrueTypeCoverage.VietnameseLetters);
    }

    [Fact]
    public void NotoSans_FromFontsNotoCore_HasEveryVietnameseLetter()
    {
        Assert.True(File.Exists(Noto), $"{Noto} is missing: scripts/install-deps.sh installs fonts-noto-core");
        Assert.Equal("", TrueTypeCoverage.Missing(File.ReadAllBytes(Noto), TrueTypeCoverage.VietnameseLetters));
        Assert.Equal(Noto, PdfFontLookup.Find(null, null).RegularPath);
    }

    [Fact]
    public void AnAsciiOnlyFont_LacksTheVietnameseLetters_AndIsRefusedByName()
    {
        Assert.Equal("ểẫ", TrueTypeCoverage.Missing(AsciiOnlyFont.Bytes(), "Biểu mẫu 03"));
        using var folder = new TempFolder();
        var path = AsciiOnlyFont.WriteTo(folder);

        var configured = PdfFontLookup.Find(path, null);
        Assert.False(configured.Found);
        Assert.Contains(path, configured.Problem, StringComparison.Ordinal);
        Assert.Contains("PdfFontFile", configured.Problem, StringComparison.Ordinal);
        Assert.Contains("ă", configured.Problem, StringComparison.Ordinal);

        // Among the usual places, a font without the letters is passed over like a missing one.
        var none = PdfFontLookup.Find(null, null, [(path, path), (Path.Combine(folder.Path, "khong-co.ttf"), "")]);
        Assert.False(none.Found);
        Assert.Contains("fonts-noto-core", none.Problem, StringComparison.Ordinal);
        var next = PdfFontLookup.Find(null, null, [(path, path), (Noto, Noto)]);
        Assert.Equal(Noto, next.RegularPath);
    }

    [Fact]
    public void NotAFont_CoversNothing_AndAMissingFileIsNamed()
    {
        Assert.Equal("ê", TrueTypeCoverage.Missing("not a font"u8, "ê"));
        Assert.Equal("ê", TrueTypeCoverage.Missing(AsciiOnlyFont.Bytes().AsSpan(0, 40), "ê"));
        var missing = PdfFontLookup.Find("/khong/co/phong.ttf", null);
        Assert.Contains("/khong/co/phong.ttf", missing.Problem, StringComparison.Ordinal);
    }
}
