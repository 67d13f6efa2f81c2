using System.Net;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Hosting;
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
        Assert.True(stored!.LockedUntil > server.Clock.GetUtcNow().AddMinutes(10));
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
    public async Task Serve_OnFirstStart_PrintsTheUrlThenAOneTimePassword_ThatMustBeChanged()
    {
        var data = Path.Combine(Path.GetTempPath(), "attt-dash-" + Guid.NewGuid().ToString("N"));
        await using var app = CollectorHost.Build(new ServeOptions(data, "http://127.0.0.1:0", null));
        var output = new StringWriter();
        using var stop = new CancellationTokenSource();
        var run = CollectorHost.RunAsync(app, TextWriter.Synchronized(output), stop.Token);
        try
        {
            await Eventually.UntilAsync(() => output.ToString().Contains("change it at first sign-in", StringComparison.Ordinal) || run.IsCompleted,
                "the start-up notice with the one-time password");
            var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.StartsWith("ATTT Monitor dashboard: http://127.0.0.1:", lines[0], StringComparison.Ordinal);
            var passwordLine = lines.Skip(1).Single(l => l.Contains("one-time password", StringComparison.Ordinal));
            var password = passwordLine[(passwordLine.LastIndexOf(':') + 1)..].Trim();
            Assert.Equal(16, password.Length);
            Assert.Contains(lines, l => l.EndsWith(": admin", StringComparison.Ordinal));

            using var client = new DashboardClient(new Uri(lines[0][(lines[0].IndexOf("http", StringComparison.Ordinal))..]));
            var signIn = await client.SignInAsync("admin", password);
            Assert.Equal("/account/password", signIn.Headers.Location!.OriginalString);
            var blocked = await client.GetAsync("/pcs");
            Assert.Equal("/account/password", blocked.Headers.Location!.OriginalString);

            var tooShort = await client.PostFormAsync("/account/password", "/account/password", new()
            {
                ["current"] = password, ["new"] = "ngan", ["confirm"] = "ngan",
            });
            Assert.Contains("ít nhất 10 ký tự", await tooShort.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var change = await client.PostFormAsync("/account/password", "/account/password", new()
            {
                ["current"] = password, ["new"] = "Mat-khau-moi-cua-toi", ["confirm"] = "Mat-khau-moi-cua-toi",
            });
            Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/pcs")).StatusCode);
            var users = app.Services.GetRequiredService<UserStore>();
            Assert.False((await users.FindByNameAsync("admin", TestContext.Current.CancellationToken))!.MustChangePassword);
            var audit = await app.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Area = "users" }, TestContext.Current.CancellationToken);
            Assert.Contains(audit, a => a.Action == "password_changed" && a.Actor == "admin");

            // A second start on the same data folder creates nobody and prints nothing.
            var notices = new StartupNotices();
            var again = new FirstAdminBootstrapper(users, Options.Create(new UserOptions()), notices, NullLogger<FirstAdminBootstrapper>.Instance);
            await again.StartAsync(TestContext.Current.CancellationToken);
            var second = new StringWriter();
            await notices.WriteAsync(second, TestContext.Current.CancellationToken);
            Assert.Equal("", second.ToString());
        }
        finally
        {
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
