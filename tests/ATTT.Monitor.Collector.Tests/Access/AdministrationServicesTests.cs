using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Drills;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Agents;
using ATTT.Monitor.Collector.Suppression;
using ATTT.Monitor.Collector.Tests.Access.Support;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Access;

/// <summary>
/// The services check the caller themselves (not only the pages): each administrative action
/// called directly with a commune caller reaching beyond its unit is refused, changes nothing and
/// is audited as refused.
/// </summary>
public sealed class AdministrationServicesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Caller AdminA = new(AccessSite.AdminA, UserRoles.Admin, AccessSite.UnitA);
    private static readonly Caller OfficerA = new(AccessSite.OfficerA, UserRoles.Officer, AccessSite.UnitA);
    private static readonly Caller CoordinatorB = new("dieuphoi.b", UserRoles.Coordinator, AccessSite.UnitB);
    private static readonly Caller ProvinceAdmin = new(AccessSite.ProvinceAdmin, UserRoles.Admin, null);

    [Fact]
    public async Task The_user_store_refuses_a_commune_admin_reaching_beyond_its_unit()
    {
        await using var site = await AccessSite.StartAsync();
        var other = await site.UserAsync(AccessSite.BystanderB);
        var self = await site.UserAsync(AccessSite.AdminA);
        var caller = AdminA with { UserId = self.Id };

        await RefusedAsync("Access.ProvinceAccount", () => site.Users.CreateAsync(caller, "tinh.gia", "x", UserRoles.Admin, "  ", "Mat-khau-dai-du-1", false, Ct));
        await RefusedAsync("Access.OtherUnit", () => site.Users.UpdateAsync(caller, other, UserRoles.Admin, null, false, Ct));
        await RefusedAsync("Access.OtherUnit", () => site.Users.ResetPasswordAsync(caller, other, Ct));
        await RefusedAsync("Access.OwnUnit", () => site.Users.UpdateAsync(caller, self, UserRoles.Admin, null, false, Ct));
        await RefusedAsync("Access.OwnPasswordOnly", () => site.Users.ChangeOwnPasswordAsync(caller, other, "Mat-khau-dai-du-1", Ct));
        Assert.DoesNotContain(await site.Users.ListAsync(caller, Ct), u => u.Unit != AccessSite.UnitA);

        Assert.Null(await site.Users.FindByNameAsync("tinh.gia", Ct));
        Assert.Equal(other, await site.UserAsync(AccessSite.BystanderB));
        Assert.Equal(self, await site.UserAsync(AccessSite.AdminA));
        var refused = (await site.Audit.QueryAsync(new AuditQuery { Area = "users", Actor = AccessSite.AdminA }, Ct)).Select(e => e.Action).ToList();
        Assert.Equal(5, refused.Count);
        Assert.All(refused, a => Assert.Equal(AccessGuard.RefusedAction, a));
    }

    [Fact]
    public async Task Retention_applies_to_every_unit_so_only_a_province_admin_changes_it()
    {
        await using var site = await AccessSite.StartAsync();
        var retention = site.Services.GetRequiredService<EventRetentionSettings>();
        var before = await retention.GetAsync(Ct);

        await RefusedAsync("Access.ProvinceOnly", () => retention.SetAsync(AdminA, 1, Ct));
        Assert.Equal(before, await retention.GetAsync(Ct));
        await retention.SetAsync(ProvinceAdmin, 120, Ct);
        Assert.Equal(120, (await retention.GetAsync(Ct)).Days);
        var entries = await site.Audit.QueryAsync(new AuditQuery { Area = "settings" }, Ct);
        Assert.Equal([("retention_changed", AccessSite.ProvinceAdmin), (AccessGuard.RefusedAction, AccessSite.AdminA)], entries.Select(e => (e.Action, e.Actor)).ToList());
    }

    [Fact]
    public async Task Suppressions_of_another_unit_or_of_every_unit_are_refused_to_a_commune_user()
    {
        await using var site = await AccessSite.StartAsync();
        var store = site.Services.GetRequiredService<SuppressionStore>();
        var filterB = (await store.AddFilterAsync(TestRules.FailedLogonId, AccessSite.UnitB,
            [new FilterCondition(FilterCondition.HostField, FilterOperators.Exact, "PC-B")], "máy thử", ProvinceAdmin, Ct)).Id;

        await RefusedAsync("Access.OtherUnit", () => store.DisableAsync(TestRules.FailedLogonId, AccessSite.UnitB, "lý do", OfficerA, Ct));
        await RefusedAsync("Access.AllUnitsProvinceOnly", () => store.DisableAsync(TestRules.FailedLogonId, SuppressionUnits.All, "lý do", OfficerA, Ct));
        await RefusedAsync("Access.OtherUnit", () => store.RemoveFilterAsync(filterB, "lý do", OfficerA, Ct));
        await RefusedAsync("Access.RoleNotAllowed", () => store.DisableAsync(TestRules.FailedLogonId, AccessSite.UnitA, "lý do", new Caller("xem.a", UserRoles.Viewer, AccessSite.UnitA), Ct));

        Assert.Empty(store.Current.Disablements);
        Assert.Contains(store.Current.Filters, f => f.Id == filterB);
        await store.DisableAsync(TestRules.FailedLogonId, AccessSite.UnitA, "máy kế toán", OfficerA, Ct);
        Assert.Equal(AccessSite.UnitA, Assert.Single(store.Current.Disablements).Unit);
        Assert.Equal(3, (await site.Audit.QueryAsync(new AuditQuery { Actor = AccessSite.OfficerA }, Ct)).Count(e => e.Action == AccessGuard.RefusedAction));
    }

    [Fact]
    public async Task A_drill_whose_playbook_runs_in_another_unit_is_not_started_by_a_commune_coordinator()
    {
        await using var site = await AccessSite.StartAsync();
        var drills = site.Services.GetRequiredService<IDrillService>();
        var before = await drills.HistoryAsync(null, Ct);

        await RefusedAsync("Access.OtherUnit", () => drills.RunNowAsync(CoordinatorB, AccessSite.Playbook, Ct));
        await RefusedAsync("Access.RoleNotAllowed", () => drills.RunNowAsync(OfficerA, AccessSite.Playbook, Ct));

        Assert.Equal(before.Count, (await drills.HistoryAsync(null, Ct)).Count);
        var refused = Assert.Single(await site.Audit.QueryAsync(new AuditQuery { Area = "drills", Actor = CoordinatorB.Name }, Ct));
        Assert.Equal((AccessGuard.RefusedAction, "playbook:" + AccessSite.Playbook), (refused.Action, refused.Target));
    }

    [Fact]
    public async Task Enrollment_codes_are_for_the_callers_own_unit()
    {
        await using var site = await AccessSite.StartAsync();
        var codes = site.Services.GetRequiredService<EnrollmentCodes>();

        await RefusedAsync("Access.OtherUnit", () => codes.CreateAsync(OfficerA, AccessSite.UnitB, TimeSpan.FromHours(1), Ct));
        await RefusedAsync("Access.RoleNotAllowed", () => codes.CreateAsync(new Caller("xem", UserRoles.Viewer, null), AccessSite.UnitA, TimeSpan.FromHours(1), Ct));
        Assert.False(string.IsNullOrEmpty(await codes.CreateAsync(OfficerA, AccessSite.UnitA, TimeSpan.FromHours(1), Ct)));

        var entries = await site.Audit.QueryAsync(new AuditQuery { Area = EnrollmentCodes.AuditArea }, Ct);
        Assert.Equal(["enrollment_code_created", AccessGuard.RefusedAction, AccessGuard.RefusedAction], entries.Select(e => e.Action).ToList());
    }

    [Fact]
    public async Task A_one_time_password_session_is_refused_every_administrative_action()
    {
        await using var site = await AccessSite.StartAsync();
        var onOneTime = ProvinceAdmin with { MustChangePassword = true };

        await RefusedAsync("Access.PasswordChangeRequired", () => site.Users.ListAsync(onOneTime, Ct));
        await RefusedAsync("Access.PasswordChangeRequired", () => site.Services.GetRequiredService<EventRetentionSettings>().SetAsync(onOneTime, 30, Ct));
        await RefusedAsync("Access.PasswordChangeRequired", () => site.Services.GetRequiredService<IDrillService>().RunNowAsync(onOneTime, AccessSite.Playbook, Ct));
    }

    private static async Task RefusedAsync(string key, Func<Task> action)
    {
        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(action);
        Assert.Equal(key, refusal.RefusalKey);
    }
}
