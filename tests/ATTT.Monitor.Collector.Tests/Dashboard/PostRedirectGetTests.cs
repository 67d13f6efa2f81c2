using System.Net;
using ATTT.Monitor.Collector.Drills;
using ATTT.Monitor.Collector.Tests.Dashboard.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Dashboard;

/// <summary>
/// Every form that changes something answers with a redirect (post/redirect/get), so reloading the
/// page the browser lands on repeats nothing; what the POST has to say (a one-time secret too) is
/// shown on that page once.
/// </summary>
public sealed class PostRedirectGetTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunNow_RedirectsToTheDrillsPage_AndReloadingItRequestsNoSecondRun()
    {
        await using var server = await DashboardServer.StartAsync(true, $"--Drills:PlaybooksPath={RepositoryPaths.Playbooks}", "--Drills:SchedulerEnabled=false");
        using var admin = await server.SignInAsync("admin");
        var response = await admin.PostFormAsync("/drills", "/drills?handler=Run", new() { ["playbook"] = "ma-doc-may-tram" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/drills?requested=", location, StringComparison.Ordinal);
        var run = location["/drills?requested=".Length..];
        for (var reload = 0; reload < 2; reload++)
        {
            var html = await admin.GetStringAsync(location);
            Assert.Contains($"href=\"/drills/runs/{run}\">#{run}</a>", html, StringComparison.Ordinal);
        }

        var history = await server.App.Services.GetRequiredService<IDrillService>().HistoryAsync(null, Ct);
        Assert.Single(history);
    }

    [Fact]
    public async Task AnEnrollmentCode_IsShownOnce_AfterTheRedirect()
    {
        await using var server = await DashboardServer.StartAsync();
        using var admin = await server.SignInAsync("admin");
        var response = await admin.PostFormAsync("/pcs", "/pcs?handler=Enroll", new() { ["unit"] = DashboardServer.CommuneA });

        Assert.Equal("/pcs", response.Headers.Location!.OriginalString);
        var shown = await admin.ReadAfterRedirectAsync(response);
        Assert.Matches("<code class=\"code\">[^<]{8,}</code>", shown);
        Assert.DoesNotContain("<code class=\"code\">", await admin.GetStringAsync("/pcs"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewUsersOneTimePassword_IsShownOnce_AndNeverInTheAddress()
    {
        await using var server = await DashboardServer.StartAsync();
        using var admin = await server.SignInAsync("admin");
        var response = await admin.PostFormAsync("/settings", "/settings?handler=Create", new()
        {
            ["userName"] = "canbo.d", ["displayName"] = "Đỗ Thị Dung", ["role"] = "officer", ["unit"] = DashboardServer.CommuneA,
        });

        Assert.Equal("/settings", response.Headers.Location!.OriginalString);
        var shown = await admin.ReadAfterRedirectAsync(response);
        Assert.Contains("Đã tạo tài khoản canbo.d. Mật khẩu dùng một lần: ", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Mật khẩu dùng một lần:", await admin.GetStringAsync("/settings"), StringComparison.Ordinal);
        Assert.NotNull(await server.Users.FindByNameAsync("canbo.d", Ct));
    }

    [Fact]
    public async Task AChangedPassword_RedirectsToItsConfirmation()
    {
        await using var server = await DashboardServer.StartAsync();
        using var officer = await server.SignInAsync("canbo.a");
        var response = await officer.PostFormAsync("/account/password", "/account/password", new()
        {
            ["current"] = DashboardServer.Password, ["new"] = "Mat-khau-moi-cua-an-2", ["confirm"] = "Mat-khau-moi-cua-an-2",
        });

        Assert.Contains("Đã đổi mật khẩu.", await officer.ReadAfterRedirectAsync(response), StringComparison.Ordinal);
    }
}
