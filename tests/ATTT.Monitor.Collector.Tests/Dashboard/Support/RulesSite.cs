using System.Net;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Tests.Support;
using ATTT.Monitor.Collector.Users;
using Microsoft.Extensions.DependencyInjection;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Tests.Dashboard.Support;

/// <summary>
/// The real collector with one test rule loaded and accounts of two communes (officers), the
/// province (administrator) and a viewer, for the rules and settings pages.
/// </summary>
internal sealed class RulesSite : IAsyncDisposable
{
    public const string UnitA = "xa-sang-moc";
    public const string UnitB = "xa-vu-chan";
    private readonly TempFolder _rules;

    private RulesSite(TempFolder rules, TestCollector collector)
    {
        _rules = rules;
        Collector = collector;
    }

    public TestCollector Collector { get; }

    public static string RulePage => "/rules/rule?id=" + TestRules.FailedLogonId;

    public static Task<RulesSite> StartAsync(params string[] settings) => StartAsync([], settings);

    /// <summary>The site with <paramref name="extraRules"/> (file name, YAML) beside the test rule.</summary>
    public static async Task<RulesSite> StartAsync(IEnumerable<(string Name, string Yaml)> extraRules, params string[] settings)
    {
        var rules = new TempFolder();
        File.WriteAllText(Path.Combine(rules.Path, "failed.yml"), TestRules.FailedLogon());
        foreach (var (name, yaml) in extraRules)
            File.WriteAllText(Path.Combine(rules.Path, name), yaml);
        var collector = await TestCollector.StartAsync([$"--Detection:RulePaths:0={rules.Path}", .. settings]);
        var users = collector.Services.GetRequiredService<UserStore>();
        await users.CreateAsync(Caller.System, "quantri", "Quản trị tỉnh", UserRoles.Admin, null, DashboardServer.Password, false, default);
        await users.CreateAsync(Caller.System, "canbo.a", "Nguyễn Văn An", UserRoles.Officer, UnitA, DashboardServer.Password, false, default);
        await users.CreateAsync(Caller.System, "canbo.b", "Trần Thị Bình", UserRoles.Officer, UnitB, DashboardServer.Password, false, default);
        await users.CreateAsync(Caller.System, "xem", "Công an tỉnh", UserRoles.Viewer, null, DashboardServer.Password, false, default);
        collector.Services.GetRequiredService<RuleCatalog>().EnsureLoaded();
        return new RulesSite(rules, collector);
    }

    public async Task<DashboardClient> SignInAsync(string userName)
    {
        var client = new DashboardClient(Collector.BaseAddress);
        var response = await client.SignInAsync(userName, DashboardServer.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Posts a form of the rule page to <paramref name="handler"/>.</summary>
    public static Task<HttpResponseMessage> PostRuleAsync(DashboardClient client, string handler, Dictionary<string, string> fields) =>
        client.PostFormAsync(RulePage, RulePage + "&handler=" + handler, fields);

    /// <summary>A page refuses with a redirect to the "forbidden" page (API callers get 403 instead).</summary>
    public static void AssertForbidden(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/forbidden", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await Collector.DisposeAsync();
        _rules.Dispose();
    }
}
