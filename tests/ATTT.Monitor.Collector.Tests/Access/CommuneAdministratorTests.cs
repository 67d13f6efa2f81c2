using System.Globalization;
using System.Net;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Tests.Access.Support;
using ATTT.Monitor.Collector.Tests.Dashboard.Support;

namespace ATTT.Monitor.Collector.Tests.Access;

/// <summary>
/// Issue 21, item 1: a commune administrator stays in its commune. Each attack goes through the
/// settings page as a browser would, and must be refused (403 with a Vietnamese reason), change
/// nothing, and be audited as refused rather than as the action.
/// </summary>
public sealed class CommuneAdministratorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_commune_admin_cannot_create_a_province_admin_or_a_user_of_another_unit()
    {
        await using var site = await AccessSite.StartAsync();
        using var admin = await site.SignInAsync(AccessSite.AdminA);

        foreach (var (name, unit) in new[] { ("tinh.moi", ""), ("xa.khac", AccessSite.UnitB) })
        {
            var response = await admin.PostFormAsync("/settings", "/settings?handler=Create", new()
            {
                ["userName"] = name, ["displayName"] = "Kẻ leo thang", ["role"] = UserRoles.Admin, ["unit"] = unit,
            });
            await AssertRefusedAsync(response);
            Assert.Null(await site.Users.FindByNameAsync(name, Ct));
        }

        await AssertAuditedAsRefusedAsync(site, AccessSite.AdminA, expected: 2);

        var own = await admin.PostFormAsync("/settings", "/settings?handler=Create", new()
        {
            ["userName"] = "canbo.moi", ["displayName"] = "Cán bộ mới", ["role"] = UserRoles.Officer, ["unit"] = AccessSite.UnitA,
        });
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.Equal(AccessSite.UnitA, (await site.UserAsync("canbo.moi")).Unit);
    }

    [Fact]
    public async Task A_commune_admin_cannot_change_a_user_of_another_unit()
    {
        await using var site = await AccessSite.StartAsync();
        using var admin = await site.SignInAsync(AccessSite.AdminA);
        var victim = await site.UserAsync(AccessSite.BystanderB);

        var response = await admin.PostFormAsync("/settings", "/settings?handler=Update", new()
        {
            ["id"] = Id(victim.Id), ["role"] = UserRoles.Admin, ["unit"] = "",
        });

        await AssertRefusedAsync(response);
        var after = await site.UserAsync(AccessSite.BystanderB);
        Assert.Equal((UserRoles.Officer, AccessSite.UnitB, false), (after.Role, after.Unit, after.Disabled));
        await AssertAuditedAsRefusedAsync(site, AccessSite.AdminA, expected: 1);
    }

    [Fact]
    public async Task A_commune_admin_cannot_reset_the_password_of_a_user_of_another_unit()
    {
        await using var site = await AccessSite.StartAsync();
        using var admin = await site.SignInAsync(AccessSite.AdminA);
        var victim = await site.UserAsync(AccessSite.BystanderB);

        var response = await admin.PostFormAsync("/settings", "/settings?handler=Reset", new() { ["id"] = Id(victim.Id) });

        await AssertRefusedAsync(response);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("Mật khẩu dùng một lần mới", html, StringComparison.Ordinal);
        var after = await site.UserAsync(AccessSite.BystanderB);
        Assert.Equal((victim.PasswordHash, false), (after.PasswordHash, after.MustChangePassword));
        using var stillTheirs = await site.SignInAsync(AccessSite.BystanderB);
        await AssertAuditedAsRefusedAsync(site, AccessSite.AdminA, expected: 1);
    }

    [Fact]
    public async Task A_commune_admin_cannot_clear_or_change_its_own_unit()
    {
        await using var site = await AccessSite.StartAsync();
        using var admin = await site.SignInAsync(AccessSite.AdminA);
        var self = await site.UserAsync(AccessSite.AdminA);

        foreach (var unit in new[] { "", AccessSite.UnitB })
        {
            var response = await admin.PostFormAsync("/settings", "/settings?handler=Update", new()
            {
                ["id"] = Id(self.Id), ["role"] = UserRoles.Admin, ["unit"] = unit,
            });
            await AssertRefusedAsync(response);
            Assert.Equal(AccessSite.UnitA, (await site.UserAsync(AccessSite.AdminA)).Unit);
        }

        await AssertAuditedAsRefusedAsync(site, AccessSite.AdminA, expected: 2);
        var incidents = await admin.GetStringAsync("/incidents");
        Assert.DoesNotContain("PC-B", incidents, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commune_admin_manages_the_users_of_its_own_unit_and_sees_only_them()
    {
        await using var site = await AccessSite.StartAsync();
        using var admin = await site.SignInAsync(AccessSite.AdminA);
        var colleague = await site.UserAsync(AccessSite.BystanderA);

        var html = await admin.GetStringAsync("/settings");
        Assert.Contains(AccessSite.BystanderA, html, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessSite.BystanderB, html, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessSite.ProvinceAdmin, html, StringComparison.Ordinal);

        var reset = await admin.PostFormAsync("/settings", "/settings?handler=Reset", new() { ["id"] = Id(colleague.Id) });
        Assert.Contains("Mật khẩu dùng một lần mới", await admin.ReadAfterRedirectAsync(reset), StringComparison.Ordinal);
        Assert.True((await site.UserAsync(AccessSite.BystanderA)).MustChangePassword);

        var promoted = await admin.PostFormAsync("/settings", "/settings?handler=Update", new()
        {
            ["id"] = Id(colleague.Id), ["role"] = UserRoles.Admin, ["unit"] = AccessSite.UnitA,
        });
        Assert.Equal(HttpStatusCode.Redirect, promoted.StatusCode);
        Assert.Equal((UserRoles.Admin, AccessSite.UnitA), ((await site.UserAsync(AccessSite.BystanderA)).Role, (await site.UserAsync(AccessSite.BystanderA)).Unit));
    }

    [Fact]
    public async Task A_province_admin_manages_every_unit_and_may_create_a_province_admin()
    {
        await using var site = await AccessSite.StartAsync();
        using var admin = await site.SignInAsync(AccessSite.ProvinceAdmin);
        var victim = await site.UserAsync(AccessSite.BystanderB);

        var created = await admin.PostFormAsync("/settings", "/settings?handler=Create", new()
        {
            ["userName"] = "tinh.moi", ["displayName"] = "Quản trị tỉnh mới", ["role"] = UserRoles.Admin, ["unit"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Null((await site.UserAsync("tinh.moi")).Unit);
        var reset = await admin.PostFormAsync("/settings", "/settings?handler=Reset", new() { ["id"] = Id(victim.Id) });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.True((await site.UserAsync(AccessSite.BystanderB)).MustChangePassword);
        Assert.DoesNotContain(await site.Audit.QueryAsync(new AuditQuery { Area = "users" }, Ct), e => e.Action == "refused");
    }

    /// <summary>A refusal is a 403 page that says why in Vietnamese.</summary>
    internal static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("đơn vị", html, StringComparison.Ordinal);
    }

    internal static async Task AssertAuditedAsRefusedAsync(AccessSite site, string actor, int expected)
    {
        var entries = await site.Audit.QueryAsync(new AuditQuery { Area = "users" }, Ct);
        Assert.Equal(expected, entries.Count(e => e.Actor == actor && e.Action == "refused"));
        Assert.DoesNotContain(entries, e => e.Actor == actor && e.Action != "refused");
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
