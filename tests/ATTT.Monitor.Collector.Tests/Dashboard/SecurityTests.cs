using System.Net;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Tests.Dashboard.Support;
using ATTT.Monitor.Collector.Users;
using Microsoft.Extensions.DependencyInjection;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Tests.Dashboard;

public sealed class SecurityTests
{
    [Theory]
    [InlineData("/signin")]
    [InlineData("/")]
    [InlineData("/assets/site.css")]
    public async Task EveryResponse_CarriesStrictSecurityHeaders(string path)
    {
        await using var server = await DashboardServer.StartAsync();
        using var client = await server.SignInAsync("admin");
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        await using var server = await DashboardServer.StartAsync();
        using var client = await server.SignInAsync("admin");
        var response = await client.Http.PostAsync("/settings?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "ke.gian", ["displayName"] = "x", ["role"] = UserRoles.Admin,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await server.Users.FindByNameAsync("ke.gian", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRefused()
    {
        await using var server = await DashboardServer.StartAsync();
        using var client = new DashboardClient(server.BaseAddress);
        var response = await client.Http.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin", ["Password"] = DashboardServer.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("xem")]
    [InlineData("canbo.a")]
    [InlineData("dieuphoi")]
    public async Task NonAdmins_CannotOpenSettings(string userName)
    {
        await using var server = await DashboardServer.StartAsync();
        using var client = await server.SignInAsync(userName);
        var response = await client.GetAsync("/settings");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/forbidden", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var html = await client.GetStringAsync("/");
        Assert.DoesNotContain("href=\"/settings\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewer_CannotCreateAnEnrollmentCode()
    {
        await using var server = await DashboardServer.StartAsync();
        using var client = await server.SignInAsync("xem");
        var response = await client.PostFormAsync("/pcs", "/pcs?handler=Enroll", new() { ["unit"] = DashboardServer.CommuneA });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/forbidden", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_CreatesAUser_AndTheActionIsAudited()
    {
        await using var server = await DashboardServer.StartAsync();
        using var client = await server.SignInAsync("admin");
        var response = await client.PostFormAsync("/settings", "/settings?handler=Create", new()
        {
            ["userName"] = "canbo.c", ["displayName"] = "Phạm Văn Cường", ["role"] = UserRoles.Officer, ["unit"] = "Xã Phú Đô",
        });
        Assert.Contains("Đã tạo tài khoản canbo.c", await client.ReadAfterRedirectAsync(response), StringComparison.Ordinal);
        var created = await server.Users.FindByNameAsync("canbo.c", TestContext.Current.CancellationToken);
        Assert.Equal("Xã Phú Đô", created!.Unit);
        Assert.True(created.MustChangePassword);
        var audit = await server.App.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Area = "users" }, TestContext.Current.CancellationToken);
        var entry = Assert.Single(audit, a => a.Action == "created");
        Assert.Equal("admin", entry.Actor);
        Assert.Equal("user:canbo.c", entry.Target);
        Assert.Equal(server.Clock.GetUtcNow(), entry.At, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task DisablingAUser_EndsTheirSessionAtOnce()
    {
        await using var server = await DashboardServer.StartAsync();
        using var officer = await server.SignInAsync("canbo.a");
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/")).StatusCode);
        var user = await server.Users.FindByNameAsync("canbo.a", TestContext.Current.CancellationToken);
        await server.Users.UpdateAsync(Caller.System, user!, user!.Role, user.Unit, disabled: true, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.GetAsync("/")).StatusCode);
        var again = await officer.SignInAsync("canbo.a", DashboardServer.Password);
        Assert.Contains("vô hiệu hóa", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_CannotDisableThemselves()
    {
        await using var server = await DashboardServer.StartAsync();
        using var client = await server.SignInAsync("admin");
        var admin = await server.Users.FindByNameAsync("admin", TestContext.Current.CancellationToken);
        var response = await client.PostFormAsync("/settings", "/settings?handler=Update", new()
        {
            ["id"] = admin!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["role"] = UserRoles.Admin, ["unit"] = "", ["disabled"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await server.Users.FindByNameAsync("admin", TestContext.Current.CancellationToken))!.Disabled);
    }
}
