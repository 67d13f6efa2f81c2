namespace ATTT.Monitor.Collector.Dashboard.Localization;

/// <summary>The dashboard's languages: Vietnamese by default, English by the switch in the header.</summary>
internal static class DashboardLanguage
{
    public const string Vietnamese = "vi";
    public const string English = "en";
    public const string CookieName = "attt_lang";

    private static readonly System.Globalization.CultureInfo VietnameseCulture = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
    private static readonly System.Globalization.CultureInfo EnglishCulture = System.Globalization.CultureInfo.GetCultureInfo("en-US");

    /// <summary>The culture that formats numbers in text of a language.</summary>
    public static System.Globalization.CultureInfo CultureOf(string language) => language == English ? EnglishCulture : VietnameseCulture;
}
