using System.Text;

namespace ATTT.Monitor.Content.Tests.Validation;

/// <summary>
/// Whether a text people read is written in Vietnamese with its diacritics: at least one letter
/// that only Vietnamese spelling uses (ă â đ ê ô ơ ư or a toned vowel), in NFC, without U+FFFD.
/// A text typed without diacritics ("Co lap may") or mangled by a wrong encoding fails.
/// </summary>
internal static class VietnameseText
{
    private const string Letters =
        "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ";

    private static readonly HashSet<char> VietnameseLetters = [.. Letters, .. Letters.ToUpperInvariant()];

    /// <summary>Null when the text is acceptable, else the reason it is not.</summary>
    public static string? Problem(string text)
    {
        if (!text.IsNormalized(NormalizationForm.FormC))
            return "is not in Unicode NFC (write it with precomposed Vietnamese letters)";
        if (text.Contains('\uFFFD', StringComparison.Ordinal))
            return "contains U+FFFD (the file was decoded with a wrong encoding)";
        if (!text.Any(VietnameseLetters.Contains))
            return "has no Vietnamese diacritics (write it in Vietnamese with its marks)";
        return null;
    }
}
