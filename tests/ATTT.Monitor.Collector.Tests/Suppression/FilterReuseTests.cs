using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Suppression;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ATTT.Monitor.Collector.Tests.Suppression;

/// <summary>Adding a filter that is already there reuses it (<see cref="FilterIdentity"/>), on a real state database.</summary>
public sealed class FilterReuseTests
{
    private const string Rule = "0e95725d-7320-415d-80f7-004da920fc11";
    private const string Unit = "xa-sang-moc";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Caller Province = new("admin", UserRoles.Admin, null);
    private static readonly Caller Officer = new("canbo.a", UserRoles.Officer, Unit);

    private static FilterCondition Host(string pc) => new(FilterCondition.HostField, FilterOperators.Exact, pc);

    private static FilterCondition Image(string path, string op = FilterOperators.EndsWith) => new("Image", op, path);

    [Fact]
    public void Conditions_are_the_same_whatever_their_order_repeats_or_value_case_but_field_spelling_and_operator_count()
    {
        Assert.True(FilterIdentity.SameConditions([Host("PC-1"), Image(@"\misa.exe")], [Image(@"\MISA.EXE"), Host("pc-1"), Host("PC-1")]));
        Assert.True(FilterIdentity.SameConditions([Host("PC-1")], [new FilterCondition("HOST", FilterOperators.Exact, "PC-1")]));
        Assert.False(FilterIdentity.SameConditions([Image(@"\misa.exe")], [Image(@"\misa.exe", FilterOperators.Contains)]));
        Assert.False(FilterIdentity.SameConditions([new FilterCondition("ProcessId", FilterOperators.Exact, "4")], [new FilterCondition("ProcessID", FilterOperators.Exact, "4")]));
        Assert.False(FilterIdentity.SameConditions([Host("PC-1")], [Host("PC-1"), Image(@"\misa.exe")]));
    }

    [Fact]
    public async Task The_same_filter_added_twice_is_written_and_audited_once()
    {
        var (db, store, audit) = await CreateAsync();
        await using var _ = db;

        var first = await store.AddFilterAsync(Rule, Unit, [Host("PC-1"), Image(@"\misa.exe")], "kế toán", Officer, Ct);
        var again = await store.AddFilterAsync(Rule, Unit, [Image(@"\MISA.exe"), Host("pc-1")], "lần hai, lý do khác", Officer, Ct);

        Assert.Equal((first.Id, false, true), (again.Id, first.Reused, again.Reused));
        var filter = Assert.Single(store.Current.Filters);
        Assert.Equal("kế toán", filter.Reason);
        Assert.Single(await audit.QueryAsync(new AuditQuery { Area = SuppressionSchema.AuditArea }, Ct), a => a.Action == "filter_added");
    }

    [Fact]
    public async Task A_filter_for_every_unit_covers_a_units_own_but_not_the_other_way_round_and_removed_ones_are_not_reused()
    {
        var (db, store, _) = await CreateAsync();
        await using var __ = db;

        var own = await store.AddFilterAsync(Rule, Unit, [Host("PC-1")], "máy thử", Officer, Ct);
        var everywhere = await store.AddFilterAsync(Rule, SuppressionUnits.All, [Host("PC-1")], "mọi xã", Province, Ct);
        Assert.False(everywhere.Reused);
        Assert.NotEqual(own.Id, everywhere.Id);
        Assert.True(await store.RemoveFilterAsync(own.Id, "thay bằng bộ lọc toàn tỉnh", Province, Ct));

        var covered = await store.AddFilterAsync(Rule, Unit, [Host("PC-1")], "máy thử", Officer, Ct);
        Assert.Equal((everywhere.Id, true), (covered.Id, covered.Reused));
        var otherRule = await store.AddFilterAsync("5b7e2b19-8d8a-4d41-9b7e-2b5b1b0a3c44", Unit, [Host("PC-1")], "máy thử", Officer, Ct);
        Assert.False(otherRule.Reused);

        Assert.True(await store.RemoveFilterAsync(everywhere.Id, "gỡ", Province, Ct));
        var fresh = await store.AddFilterAsync(Rule, Unit, [Host("PC-1")], "máy thử", Officer, Ct);
        Assert.False(fresh.Reused);
        Assert.Equal(2, store.Current.Filters.Count);
    }

    private static async Task<(StateDatabaseFixture Db, SuppressionStore Store, SqliteAuditLog Audit)> CreateAsync()
    {
        var db = await StateDatabaseFixture.CreateAsync(SuppressionSchema.Migrations);
        var audit = new SqliteAuditLog(db.Database);
        return (db, new SuppressionStore(db.Database, audit, new ManualTimeProvider(), NullLogger<SuppressionStore>.Instance), audit);
    }
}
