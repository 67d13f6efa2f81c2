namespace ATTT.Monitor.Collector.Dashboard.Localization;

/// <summary>
/// Official names of Vietnamese bodies, which stay in Vietnamese in every language: the English texts
/// give the English name and this one beside it, marked lang="vi" (<see cref="MarkedText.Vietnamese"/>).
/// </summary>
internal static class OfficialNames
{
    /// <summary>The Government Cipher Committee, which issues digital-signature certificates to officials.</summary>
    public const string GovernmentCipherCommittee = "Ban Cơ yếu Chính phủ";
}
