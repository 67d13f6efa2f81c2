namespace ATTT.Monitor.Collector.Dashboard.Localization;

/// <summary>The dashboard's languages: Vietnamese by default, English by the switch in the header.</summary>
internal static class DashboardLanguage
{
    public const string Vietnamese = "vi";
    public const string English = "en";
    public const string CookieName = "attt_lang";
}
