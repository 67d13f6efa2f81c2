using ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;
using Microsoft.Playwright;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard;

/// <summary>Sign-in, layout, language switch and the pages every user sees, in the browser.</summary>
public sealed class ShellTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    [Fact]
    public async Task SignIn_ShowsTheOverviewInVietnamese_AndTheSwitchShowsEnglish()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "01-dang-nhap");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Tên đăng nhập").FillAsync("canbo.a");
        await page.GetByLabel("Mật khẩu").FillAsync(DashboardSite.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tổng quan", Level = 1 })).ToBeVisibleAsync();
        Assert.Equal("vi", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.Locator("header")).ToContainTextAsync(DashboardSite.CommuneA);

        await page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overview", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tiếng Việt", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tổng quan", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task WrongPassword_ShowsAnErrorInVietnamese()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("Tên đăng nhập").FillAsync("xem");
        await page.GetByLabel("Mật khẩu").FillAsync("khong-dung-mat-khau");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("không đúng");
    }

    [Theory]
    [InlineData("/", "02-tong-quan")]
    [InlineData("/incidents", "03-su-co")]
    [InlineData("/pcs", "05-may-tram")]
    [InlineData("/rules", "06-luat")]
    [InlineData("/drills", "07-dien-tap")]
    [InlineData("/settings", "08-cai-dat")]
    public async Task MainPages_HaveNoSeriousAccessibilityViolations(string path, string screenshot)
    {
        var page = await fixture.SignInAsync("admin");
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        await Screenshots.SaveAsync(page, screenshot);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Viewer_SeesNoSettingsAndNoEnrollmentForm()
    {
        var page = await fixture.SignInAsync("xem");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Cài đặt" })).ToHaveCountAsync(0);
        var settings = await page.GotoAsync("/settings");
        Assert.Equal(403, settings!.Status);
        await page.GotoAsync("/pcs");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Tạo mã đăng ký" })).ToHaveCountAsync(0);
    }
}
