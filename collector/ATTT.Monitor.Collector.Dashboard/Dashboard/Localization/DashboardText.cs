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
        Culture = DashboardLanguage.CultureOf(Language);
    }

    /// <summary>How numbers read in text (1.234,5 in Vietnamese). Never for SVG or CSS, which want <see cref="System.Globalization.CultureInfo.InvariantCulture"/>.</summary>
    public System.Globalization.CultureInfo Culture { get; }

    public string Language { get; }

    public IReadOnlyDictionary<string, string> Texts { get; }

    public string this[string key] => Texts.TryGetValue(key, out var text) ? text : key;

    public string Format(string key, params object?[] args) =>
        string.Format(Culture, this[key], args);

    /// <summary>A count with the language's digit grouping (12.345 in Vietnamese, 12,345 in English).</summary>
    public string Number(long value) => value.ToString("N0", Culture);

    /// <summary>A measure with at most <paramref name="decimals"/> decimals and the language's decimal mark.</summary>
    public string Number(double value, int decimals) => value.ToString(decimals <= 0 ? "#,0" : "#,0." + new string('#', decimals), Culture);
}
