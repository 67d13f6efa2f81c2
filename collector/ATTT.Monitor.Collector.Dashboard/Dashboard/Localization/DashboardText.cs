namespace ATTT.Monitor.Collector.Dashboard.Localization;

/// <summary>
/// The texts of one request, in the language chosen by the <see cref="DashboardLanguage.CookieName"/>
/// cookie (Vietnamese when absent). A missing key shows as the key itself, and a test checks that
/// both languages define the same keys.
/// </summary>
public sealed class DashboardText
{
    public DashboardText(IHttpContextAccessor accessor)
    {
        var requested = accessor.HttpContext?.Request.Cookies[DashboardLanguage.CookieName];
        Language = requested == DashboardLanguage.English ? DashboardLanguage.English : DashboardLanguage.Vietnamese;
        Texts = Language == DashboardLanguage.English ? TextsEn.All : TextsVi.All;
    }

    public string Language { get; }

    public IReadOnlyDictionary<string, string> Texts { get; }

    public string this[string key] => Texts.TryGetValue(key, out var text) ? text : key;

    public string Format(string key, params object?[] args) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, this[key], args);
}
