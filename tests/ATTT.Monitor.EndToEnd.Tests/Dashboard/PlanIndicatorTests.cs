using ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;
using Microsoft.Playwright;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard;

/// <summary>
/// Indicator 1 of the commune's plan in the browser: per unit, the share of PCs meeting the minimum
/// configuration and of PCs with a valid digital-signature certificate, the certificates expiring
/// within 30 days, and on a PC's page its configuration, certificates, Defender exclusions, channels and losses.
/// </summary>
public sealed class PlanIndicatorTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    private const string Unit = "Xã Chỉ Tiêu Một";

    [Fact]
    public async Task Officer_SeesIndicatorOnePerUnit_AndTheExpiringCertificatesPc()
    {
        // Meets it (8 GB, Windows 10 22H2) and holds a VNPT-CA certificate expiring in 20 days.
        var good = await fixture.Site.AddReportingPcAsync(Unit, "PC-DAT-CHUAN", 8 * DashboardSitePlan.Gigabyte, 19045, certificate: true);
        // 3.9 GB as Windows reports 4 GB installed, but Windows 10 1809 and no certificate.
        await fixture.Site.AddReportingPcAsync(Unit, "PC-CU", 3_900_000_000, 17763, certificate: false);
        // Enrolled, never reported an inventory.
        await fixture.Site.AddPcAsync(Unit, "PC-CHUA-BAO", "Windows 10 Pro", "Windows Defender", realtime: true, []);
        var page = await fixture.SignInAsync("admin");

        await page.GotoAsync("/pcs");
        var row = page.Locator($"#plan-indicators tr[data-unit='{Unit}']");
        await Assertions.Expect(row.Locator(".plan-minimum")).ToHaveTextAsync("1/3 (33%)");
        await Assertions.Expect(row.Locator(".plan-signature")).ToHaveTextAsync("1/3 (33%)");
        await Assertions.Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("1");
        var expiring = page.Locator("#plan-expiring");
        await Assertions.Expect(expiring).ToContainTextAsync("PC-DAT-CHUAN");
        await Assertions.Expect(expiring).ToContainTextAsync("VNPT-CA");
        await Assertions.Expect(expiring).Not.ToContainTextAsync("PC-CU");
        await Screenshots.SaveAsync(page, "13-chi-tieu-1-theo-don-vi");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await expiring.GetByRole(AriaRole.Link, new() { Name = "PC-DAT-CHUAN" }).ClickAsync();
        await Assertions.Expect(page.Locator("#pc-host")).ToHaveTextAsync("PC-DAT-CHUAN");
        Assert.EndsWith("/pcs/" + good.AgentId, page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#pc-meets")).ToContainTextAsync("Có");
        await Assertions.Expect(page.Locator("#pc-ram")).ToHaveTextAsync("8 GB");
        var certificates = page.Locator("#pc-certificates");
        await Assertions.Expect(certificates).ToContainTextAsync("Nguyễn Văn A");
        await Assertions.Expect(certificates).ToContainTextAsync("Sắp hết hạn");
        await Assertions.Expect(page.Locator("#pc-exclusions-added")).ToContainTextAsync(@"C:\Users\Public\Tools");
        await Assertions.Expect(page.Locator("#pc-channels")).ToContainTextAsync("Không có trên máy này");
        var losses = page.Locator("#pc-losses");
        await Assertions.Expect(losses).ToContainTextAsync("Nhật ký bị ghi đè");
        await Assertions.Expect(losses).ToContainTextAsync("500");
        await Assertions.Expect(losses).ToContainTextAsync("Agent bỏ (hàng đợi đầy)");
        await Screenshots.SaveAsync(page, "14-may-tram-cau-hinh-chu-ky-so");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
