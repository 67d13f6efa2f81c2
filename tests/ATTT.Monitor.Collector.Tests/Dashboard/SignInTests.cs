using System.Net;
using ATTT.Monitor.Collector.Tests.Dashboard.Support;
using ATTT.Monitor.Collector.Users;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Tests.Dashboard;

public sealed class SignInTests
{
    [Fact]
    public async Task Overview_WithoutSession_RedirectsToSignIn()
    {
        await using var server = await DashboardServer.StartAsync();
        using var client = new DashboardClient(server.BaseAddress);
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithRightPassword_OpensOverviewInVietnamese()
    {
        await using var server = await DashboardServer.StartAsync();
        using var client = new DashboardClient(server.BaseAddress);
        var response = await client.SignInAsync("canbo.a", DashboardServer.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var html = await client.GetStringAsync("/");
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("Tổng quan", html, StringComparison.Ordinal);
        Assert.Contains("Nguyễn Văn An", html, StringComparison.Ordinal);
        Assert.Contains(DashboardServer.CommuneA, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionCookie_IsHttpOnlyAndSameSiteStrict()
    {
        await using var server = await DashboardServer.StartAsync();
        using var client = new DashboardClient(server.BaseAddress);
        var response = await client.SignInAsync("admin", DashboardServer.Password);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("attt_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WrongPassword_FiveTimes_LocksTheAccountEvenForTheRightPassword()
    {
        await using var server = await DashboardServer.StartAsync();
        using var client = new DashboardClient(server.BaseAddress);
        for (var i = 0; i < 4; i++)
        {
            var wrong = await client.SignInAsync("canbo.a", "sai-mat-khau-" + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("không đúng", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var fifth = await client.SignInAsync("canbo.a", "sai-mat-khau-5");
        Assert.Contains("tạm khóa", await fifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var right = await client.SignInAsync("canbo.a", DashboardServer.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("tạm khóa", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        var stored = await server.Users.FindByNameAsync("canbo.a", TestContext.Current.CancellationToken);
        Assert.True(stored!.LockedUntil > DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task Passwords_AreStoredOnlyAsHashes()
    {
        await using var server = await DashboardServer.StartAsync();
        var stored = await server.Users.FindByNameAsync("admin", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(DashboardServer.Password, stored!.PasswordHash, StringComparison.Ordinal);
        Assert.True(stored.PasswordHash.Length > 40);
        Assert.NotEqual(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed, server.Users.Verify(stored, DashboardServer.Password));
        Assert.Equal(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed, server.Users.Verify(stored, DashboardServer.Password + "x"));
    }

    [Fact]
    public async Task FirstStart_CreatesAdminWithOneTimePassword_ThatMustBeChanged()
    {
        await using var server = await DashboardServer.StartAsync(seedUsers: false);
        // The host's own bootstrapper already ran at start and printed to the process console;
        // run a second one against a fresh account list to capture what it prints.
        var users = server.Users;
        var admin = await users.FindByNameAsync("admin", TestContext.Current.CancellationToken);
        Assert.NotNull(admin);
        Assert.True(admin.MustChangePassword);
        Assert.Equal(UserRoles.Admin, admin.Role);

        var console = new StringWriter();
        var again = new FirstAdminBootstrapper(users, Options.Create(new UserOptions()), new StartupConsole(console), NullLogger<FirstAdminBootstrapper>.Instance);
        await again.StartAsync(TestContext.Current.CancellationToken);
        Assert.Equal("", console.ToString());

        // Reset the admin to a known one-time password, as the bootstrapper would have printed it.
        await users.SetPasswordAsync(admin, "MotLanDuyNhat2026", mustChangePassword: true, TestContext.Current.CancellationToken);
        using var client = new DashboardClient(server.BaseAddress);
        var signIn = await client.SignInAsync("admin", "MotLanDuyNhat2026");
        Assert.Equal("/account/password", signIn.Headers.Location!.OriginalString);
        var blocked = await client.GetAsync("/pcs");
        Assert.Equal("/account/password", blocked.Headers.Location!.OriginalString);

        var change = await client.PostFormAsync("/account/password", "/account/password", new()
        {
            ["current"] = "MotLanDuyNhat2026", ["new"] = "Mat-khau-moi-cua-toi", ["confirm"] = "Mat-khau-moi-cua-toi",
        });
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pcs")).StatusCode);
        Assert.False((await users.FindByNameAsync("admin", TestContext.Current.CancellationToken))!.MustChangePassword);
    }

    [Fact]
    public async Task Bootstrapper_OnEmptyStore_PrintsTheOneTimePasswordThatSignsIn()
    {
        await using var server = await DashboardServer.StartAsync(seedUsers: false);
        var database = server.App.Services.GetRequiredService<ATTT.Monitor.Collector.Storage.EmbeddedDatabase>();
        await using (var connection = await database.OpenAsync())
        await using (var delete = connection.CreateCommand())
        {
            delete.CommandText = "DELETE FROM dashboard_users;";
            await delete.ExecuteNonQueryAsync();
        }

        var console = new StringWriter();
        var bootstrapper = new FirstAdminBootstrapper(server.Users, Options.Create(new UserOptions()), new StartupConsole(console), NullLogger<FirstAdminBootstrapper>.Instance);
        await bootstrapper.StartAsync(TestContext.Current.CancellationToken);
        var line = console.ToString().Split('\n').Single(l => l.Contains("one-time password", StringComparison.Ordinal));
        var password = line[(line.LastIndexOf(':') + 1)..].Trim();
        Assert.Equal(16, password.Length);
        using var client = new DashboardClient(server.BaseAddress);
        var signIn = await client.SignInAsync("admin", password);
        Assert.Equal("/account/password", signIn.Headers.Location!.OriginalString);
    }
}
