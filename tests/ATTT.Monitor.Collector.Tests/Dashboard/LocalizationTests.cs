using ATTT.Monitor.Collector.Dashboard.Localization;
using ATTT.Monitor.Collector.Tests.Dashboard.Support;

namespace ATTT.Monitor.Collector.Tests.Dashboard;

public sealed class LocalizationTests
{
    [Fact]
    public void BothLanguages_DefineTheSameTexts()
    {
        Assert.Empty(TextsVi.All.Keys.Except(TextsEn.All.Keys));
        Assert.Empty(TextsEn.All.Keys.Except(TextsVi.All.Keys));
        Assert.All(TextsVi.All, kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
    }

    [Fact]
    public void A_key_defined_in_two_areas_is_refused_rather_than_one_text_replacing_the_other()
    {
        var merged = TextTables.Merge(new() { ["A.x"] = "1" }, new() { ["B.y"] = "2" });
        Assert.Equal(["A.x", "B.y"], merged.Keys.Order(StringComparer.Ordinal));

        var error = Assert.Throws<InvalidOperationException>(() => TextTables.Merge(new() { ["A.x"] = "1" }, new() { ["A.x"] = "2" }));
        Assert.Contains("A.x", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Nav.Incidents", "Sự cố")]
    [InlineData("Severity.critical", "Nghiêm trọng")]
    [InlineData("State.in_progress", "Đang xử lý")]
    [InlineData("State.false_positive", "Cảnh báo nhầm")]
    [InlineData("Nav.Pcs", "Máy trạm")]
    [InlineData("Nav.Drills", "Diễn tập")]
    public void Vietnamese_UsesTheBriefsWordsWithDiacritics(string key, string expected) =>
        Assert.Equal(expected, TextsVi.All[key]);

    [Theory]
    [InlineData("2026-01-01T17:30:00Z", "02/01/2026 00:30")]
    [InlineData("2026-11-27T02:05:00Z", "27/11/2026 09:05")]
    [InlineData("2026-11-27T09:05:00+09:00", "27/11/2026 07:05")]
    public void Times_AreShownInVietnamTime(string instant, string expected) =>
        Assert.Equal(expected, DashboardClock.Format(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public async Task LanguageSwitch_ShowsEnglish_ThenBackToVietnamese()
    {
        await using var server = await DashboardServer.StartAsync();
        using var client = await server.SignInAsync("admin");
        var toEnglish = await client.PostFormAsync("/", "/language", new() { ["to"] = "en", ["returnUrl"] = "/pcs" });
        Assert.Equal("/pcs", toEnglish.Headers.Location!.OriginalString);
        var english = await client.GetStringAsync("/pcs");
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains(">Incidents<", english, StringComparison.Ordinal);

        var offSite = await client.PostFormAsync("/", "/language", new() { ["to"] = "vi", ["returnUrl"] = "https://evil.example/" });
        Assert.Equal("/", offSite.Headers.Location!.OriginalString);
        Assert.Contains(">Sự cố<", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }
}
