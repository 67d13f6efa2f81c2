using System.Net;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Tests.Dashboard.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Dashboard;

/// <summary>The settings page: contacts and routing as configured (read-only), events retention set by an administrator.</summary>
public sealed class SettingsPageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Contacts_and_routes_from_configuration_are_shown_encoded_with_unknown_ids_flagged()
    {
        await using var site = await RulesSite.StartAsync(
            "--Notifications:Contacts:0:Id=congan", "--Notifications:Contacts:0:Name=Phòng An ninh mạng <b>tỉnh</b>",
            "--Notifications:Contacts:0:Email=anm@congan.example.vn", "--Notifications:Contacts:0:IsAuthority=true",
            "--Notifications:Routes:0:Name=nghiêm trọng", "--Notifications:Routes:0:MinSeverity=High",
            "--Notifications:Routes:0:To:0=congan", "--Notifications:Routes:0:Cc:0=khong-ton-tai");
        using var admin = await site.SignInAsync("quantri");

        var html = await admin.GetStringAsync("/settings");

        Assert.Contains("Phòng An ninh mạng &lt;b&gt;tỉnh&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("anm@congan.example.vn", html, StringComparison.Ordinal);
        Assert.Contains("nghiêm trọng", html, StringComparison.Ordinal);
        Assert.Contains("không có trong danh bạ", html, StringComparison.Ordinal);
        Assert.Contains("khong-ton-tai", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_changes_the_events_retention_which_is_audited_and_read_by_the_retention_job()
    {
        await using var site = await RulesSite.StartAsync("--Storage:Events:RetentionDays=90");
        using var admin = await site.SignInAsync("quantri");
        using var officer = await site.SignInAsync("canbo.a");
        var settings = site.Collector.Services.GetRequiredService<EventRetentionSettings>();
        Assert.Equal((90, false), ((await settings.GetAsync(Ct)).Days, (await settings.GetAsync(Ct)).IsOverridden));

        var saved = await admin.PostFormAsync("/settings", "/settings?handler=Retention", new() { ["days"] = "30" });
        Assert.Contains("30 ngày", await admin.ReadAfterRedirectAsync(saved), StringComparison.Ordinal);
        var current = await settings.GetAsync(Ct);
        Assert.Equal((30, 90, "quantri"), (current.Days, current.ConfiguredDays, current.UpdatedBy));

        foreach (var bad in new[] { "0", "-5", "abc", "99999" })
        {
            var refused = await admin.PostFormAsync("/settings", "/settings?handler=Retention", new() { ["days"] = bad });
            Assert.Contains("phải từ 1 đến 3650", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        RulesSite.AssertForbidden(await officer.PostFormAsync("/rules", "/settings?handler=Retention", new() { ["days"] = "1" }));
        Assert.Equal(30, (await settings.GetAsync(Ct)).Days);
        var audit = Assert.Single(await site.Collector.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Area = "settings" }, Ct));
        Assert.Equal(("retention_changed", "quantri", "90 -> 30 days"), (audit.Action, audit.Actor, audit.Details));
    }
}
