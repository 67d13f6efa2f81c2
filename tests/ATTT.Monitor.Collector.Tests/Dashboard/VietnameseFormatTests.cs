using System.Net;
using System.Text.RegularExpressions;
using ATTT.Monitor.Collector.Dashboard.Localization;
using ATTT.Monitor.Collector.Tests.Dashboard.Support;
using ATTT.Monitor.Collector.Tests.Support;
using ATTT.Monitor.Collector.Users;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static ATTT.Monitor.Collector.Tests.Dashboard.Support.PcsSeed;

namespace ATTT.Monitor.Collector.Tests.Dashboard;

/// <summary>Dates typed as dd/mm/yyyy, numbers by the reader's culture in text and invariant in SVG, the audit log in words, the PDF font checked at start.</summary>
public sealed partial class VietnameseFormatTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task DateFilters_AreTypedAsDayMonthYear_AndABadDateIsA400NamingIt()
    {
        await using var server = await DashboardServer.StartAsync();
        using var officer = await server.SignInAsync("canbo.a");

        var good = await officer.GetStringAsync("/incidents?from=27/11/2026&to=2026-11-30");
        Assert.DoesNotContain("type=\"date\"", good, StringComparison.Ordinal);
        Assert.Contains("placeholder=\"dd/mm/yyyy\"", good, StringComparison.Ordinal);
        Assert.Contains("value=\"27/11/2026\"", good, StringComparison.Ordinal);

        var bad = await officer.GetAsync("/incidents?from=11/27/2026");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Từ ngày &quot;11/27/2026&quot; không phải là một ngày", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var badTo = await officer.GetAsync("/incidents?to=31/02/2026");
        Assert.Contains("Đến ngày &quot;31/02/2026&quot;", await badTo.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // An export of the same filter is refused too, rather than exporting every incident.
        foreach (var handler in new[] { "Csv", "Json" })
        {
            var export = await officer.GetAsync("/incidents?handler=" + handler + "&from=11/27/2026");
            Assert.Equal(HttpStatusCode.BadRequest, export.StatusCode);
            Assert.Contains("11/27/2026", await export.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Charts_WriteSvgNumbersInvariant_WhileTheTextGroupsDigitsAsTheReaderDoes()
    {
        await using var server = await DashboardServer.StartAsync();
        var pc = await AddPcAsync(server, DashboardServer.CommuneA, "PC-KETOAN-01");
        // 300 events in one hour and 707 in the next: bar heights 58.56 and 138, a total of 1,007.
        await AddEventsAsync(server, pc, 1, Logons(300));
        server.Clock.Advance(TimeSpan.FromHours(1));
        await AddEventsAsync(server, pc, 2, Logons(707, 301));
        using var officer = await server.SignInAsync("canbo.a");

        var vietnamese = await officer.GetStringAsync("/");
        var svgNumbers = SvgNumbers(vietnamese);
        Assert.NotEmpty(svgNumbers);
        Assert.All(svgNumbers, n => Assert.Matches("^-?[0-9]+(\\.[0-9]+)?$", n));
        Assert.Contains(svgNumbers, n => n.Contains('.', StringComparison.Ordinal));
        Assert.Contains("1.007", vietnamese, StringComparison.Ordinal);

        await officer.PostFormAsync("/", "/language", new() { ["to"] = "en", ["returnUrl"] = "/" });
        var english = await officer.GetStringAsync("/");
        Assert.Contains("1,007", english, StringComparison.Ordinal);
        Assert.All(SvgNumbers(english), n => Assert.Matches("^-?[0-9]+(\\.[0-9]+)?$", n));
    }

    [Theory]
    [InlineData("vi", "state_changed", "new -> in_progress: đã gọi điện", "Mới → Đang xử lý", "đã gọi điện")]
    [InlineData("en", "state_changed", "new -> in_progress", "New → In progress", null)]
    [InlineData("vi", "state_changed", "in_progress -> resolved: condition ended after 93 s", "Đang xử lý → Đã khắc phục: tình trạng đã hết sau 93 giây", null)]
    [InlineData("vi", "assigned", "(none) -> admin", "(chưa giao) → admin", null)]
    [InlineData("vi", "severity_raised", "medium -> high", "Trung bình → Cao", null)]
    [InlineData("vi", "opened", "rule 7d3f4c8e", "Theo luật phát hiện", "7d3f4c8e")]
    [InlineData("vi", "commented", "new -> closed", "", "new -> closed")]
    public void AuditDetails_NameEveryCode_AndKeepTheFreeTextApart(string language, string action, string details, string text, string? verbatim)
    {
        var texts = TextsIn(language);
        Assert.Equal((text, verbatim), AuditDetailTexts.Describe(texts, action, details));
    }

    [Fact]
    public void Codes_AreShownByName_InEitherLanguage()
    {
        var vi = TextsIn("vi");
        var en = TextsIn("en");
        Assert.Equal(("Đơn vị mặc định", "Default unit", "Xã Sảng Mộc"), (vi.Unit("default"), en.Unit("default"), vi.Unit("Xã Sảng Mộc")));
        Assert.Equal(("Đã gửi", "Sent"), (vi.MailStatus("sent"), en.MailStatus("sent")));
        Assert.Equal(("Quản trị viên", "Hệ thống"), (vi.Role("admin"), vi.Actor("system")));
        Assert.Equal(("Trung bình", "Thông tin", "Medium"), (vi.RuleLevel("medium"), vi.RuleLevel("informational"), en.RuleLevel("bogus")));
        Assert.Equal(("1.234.567", "1,234,567", "0,5"), (vi.Number(1234567), en.Number(1234567), vi.Number(0.5, 1)));
    }

    [Fact]
    public async Task Without_a_font_for_Vietnamese_the_collector_warns_at_start_in_its_log_and_on_the_overview()
    {
        using var folder = new TempFolder();
        var font = AsciiOnlyFont.WriteTo(folder);
        await using var server = await DashboardServer.StartAsync(true, "--Notifications:Reporting:PdfFontFile=" + font);

        var warning = Assert.Single(server.App.Services.GetRequiredService<StartupNotices>().Warnings);
        Assert.Contains(font, warning.English, StringComparison.Ordinal);
        Assert.Contains("fonts-noto-core", warning.Vietnamese, StringComparison.Ordinal);
        using var admin = await server.SignInAsync("admin");
        var overview = await admin.GetStringAsync("/");
        Assert.Contains("id=\"startup-warnings\"", overview, StringComparison.Ordinal);
        Assert.Contains("Không tìm thấy phông chữ có đủ chữ tiếng Việt", overview, StringComparison.Ordinal);

        await using var fine = await DashboardServer.StartAsync();
        Assert.Empty(fine.App.Services.GetRequiredService<StartupNotices>().Warnings);
        using var other = await fine.SignInAsync("admin");
        Assert.DoesNotContain("id=\"startup-warnings\"", await other.GetStringAsync("/"), StringComparison.Ordinal);
    }

    private static DashboardText TextsIn(string language)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = $"{DashboardLanguage.CookieName}={language}";
        return new DashboardText(new HttpContextAccessor { HttpContext = context });
    }

    /// <summary>The coordinates and sizes written inside the page's SVG charts.</summary>
    private static List<string> SvgNumbers(string html) =>
        [.. SvgBody().Matches(html).SelectMany(svg => SvgAttribute().Matches(svg.Groups[1].Value)).Select(m => m.Groups[2].Value)];

    [GeneratedRegex("<svg[^>]*>(.*?)</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgBody();

    [GeneratedRegex("\\s(x|y|x1|y1|x2|y2|width|height)=\"([^\"]*)\"")]
    private static partial Regex SvgAttribute();
}
