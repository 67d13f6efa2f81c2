using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Incidents.Bulk;
using ATTT.Monitor.Collector.Suppression;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using static ATTT.Monitor.Collector.Tests.Support.Hits;

namespace ATTT.Monitor.Collector.Tests.Incidents;

public sealed class IncidentBulkServiceTests
{
    private const string SangMoc = "xa-sang-moc";
    private const string Other = "phuong-khac";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Caller OfficerA = new("canbo.a", UserRoles.Officer, SangMoc);

    private sealed record Site(IncidentsHarness Harness, IncidentService Incidents, SuppressionStore Suppressions, IncidentBulkService Bulk) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Harness.DisposeAsync();
    }

    private static async Task<Site> StartAsync()
    {
        var h = await IncidentsHarness.CreateAsync(extraSchema: SuppressionSchema.Migrations);

        var incidents = new IncidentService(h.Db.Database, new ListEventStore([]), h.Audit, h.Clock, NullLogger<IncidentService>.Instance);
        var suppressions = new SuppressionStore(h.Db.Database, h.Audit, h.Clock, NullLogger<SuppressionStore>.Instance);
        return new Site(h, incidents, suppressions, new IncidentBulkService(incidents, h.Audit, h.Clock, suppressions));
    }

    /// <summary>Three incidents on three PCs of Sảng Mộc and one of another unit; returns their ids.</summary>
    private static async Task<(long[] Mine, long Theirs)> SeedAsync(Site site)
    {
        var changes = await site.Harness.Manager.RecordDetectionsAsync(
            [Brute(1, T0, host: "PC-1"), Brute(2, T0, host: "PC-2"), Brute(3, T0, host: "PC-3"), Brute(4, T0, host: "PC-9", unit: Other)], Ct);
        var ids = changes.Select(c => c.IncidentId).Distinct().ToList();
        Assert.Equal(4, ids.Count);
        return (ids.Take(3).ToArray(), ids[3]);
    }

    private static async Task<IReadOnlyList<AuditRecord>> AuditOfAsync(Site site, long id) =>
        await site.Harness.Audit.QueryAsync(new AuditQuery { Area = IncidentsSchema.Area, Target = IncidentTarget.Of(id) }, Ct);

    [Fact]
    public async Task Bulk_assign_changes_each_incident_with_its_own_audit_row_and_journal_entry_as_a_single_assign_does()
    {
        await using var site = await StartAsync();
        var (mine, _) = await SeedAsync(site);
        var journaledBefore = (await site.Harness.JournaledAsync()).Count;

        var outcome = await site.Bulk.RunAsync(OfficerA, BulkSelection.Of(mine), new BulkCommand(BulkAction.Assign, Assignee: "canbo.a"), Ct);

        Assert.Equal(mine, outcome.Changed);
        Assert.Empty(outcome.Failed);
        foreach (var id in mine)
        {
            Assert.Equal("canbo.a", (await site.Incidents.GetAsync(id, UnitScope.All, Ct))!.Incident.Assignee);
            var assigned = Assert.Single(await AuditOfAsync(site, id), a => a.Action == "assigned");
            Assert.Equal("canbo.a", assigned.Actor);
        }

        var journal = (await site.Harness.JournaledAsync()).Skip(journaledBefore).ToList();
        Assert.Equal(mine, journal.Where(c => c.Kind == IncidentChangeKind.Assigned).Select(c => c.IncidentId));
    }

    [Fact]
    public async Task A_commune_officer_posting_another_units_ids_changes_only_its_own_and_is_told_which_were_not_found()
    {
        await using var site = await StartAsync();
        var (mine, theirs) = await SeedAsync(site);

        var outcome = await site.Bulk.RunAsync(OfficerA, BulkSelection.Of([mine[0], theirs, 999_999]), new BulkCommand(BulkAction.ChangeState, State: IncidentState.Closed, Text: "đã xử lý"), Ct);

        Assert.Equal([mine[0]], outcome.Changed);
        Assert.Equal([theirs, 999_999L], outcome.Failed.Select(f => f.IncidentId));
        Assert.All(outcome.Failed, f => Assert.Equal(BulkFailureKind.NotFound, f.Kind));
        var untouched = (await site.Incidents.GetAsync(theirs, UnitScope.All, Ct))!;
        Assert.Equal(IncidentState.New, untouched.Incident.State);
        Assert.DoesNotContain(await AuditOfAsync(site, theirs), a => a.Action == "state_changed");
    }

    [Fact]
    public async Task A_filter_selects_within_the_callers_units_only()
    {
        await using var site = await StartAsync();
        var (mine, theirs) = await SeedAsync(site);

        var outcome = await site.Bulk.RunAsync(OfficerA, BulkSelection.Matching(new IncidentQuery()), new BulkCommand(BulkAction.Comment, Text: "đã kiểm tra từ xa"), Ct);

        Assert.Equal(3, outcome.Matched);
        Assert.False(outcome.Capped);
        Assert.Equal(mine.Order(), outcome.Changed.Order());
        Assert.Empty((await site.Incidents.GetAsync(theirs, UnitScope.All, Ct))!.Comments);
        foreach (var id in mine)
        {
            Assert.Equal("đã kiểm tra từ xa", Assert.Single((await site.Incidents.GetAsync(id, UnitScope.All, Ct))!.Comments).Text);
            Assert.Single(await AuditOfAsync(site, id), a => a.Action == "commented");
        }
    }

    [Fact]
    public async Task A_partial_failure_names_the_incidents_whose_state_does_not_allow_the_change_and_changes_the_rest()
    {
        await using var site = await StartAsync();
        var (mine, _) = await SeedAsync(site);
        await site.Incidents.ChangeStateAsync(mine[1], IncidentState.Closed, null, "admin", UnitScope.All, Ct);

        var outcome = await site.Bulk.RunAsync(OfficerA, BulkSelection.Of(mine), new BulkCommand(BulkAction.ChangeState, State: IncidentState.Resolved), Ct);

        Assert.Equal([mine[0], mine[2]], outcome.Changed);
        var failure = Assert.Single(outcome.Failed);
        Assert.Equal((mine[1], BulkFailureKind.NotAllowed), (failure.IncidentId, failure.Kind));
        Assert.Contains("đã đóng", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task False_positive_with_suppression_adds_one_audited_filter_per_rule_and_pc_through_the_suppression_service()
    {
        await using var site = await StartAsync();
        var (mine, _) = await SeedAsync(site);

        var outcome = await site.Bulk.RunAsync(OfficerA, BulkSelection.Of(mine[..2]), new BulkCommand(BulkAction.FalsePositive, Text: "máy thử nghiệm phần mềm", Suppress: true), Ct);

        Assert.Equal(mine[..2], outcome.Changed);
        Assert.Empty(outcome.Failed);
        Assert.Equal(2, outcome.FiltersAdded.Count);
        var filters = (await site.Suppressions.LoadAsync(Ct)).Filters;
        Assert.Equal(["PC-1", "PC-2"], filters.Select(f => f.Conditions.Single().Value).Order());
        Assert.All(filters, f => Assert.Equal((SangMoc, "máy thử nghiệm phần mềm"), (f.Unit, f.Reason)));
        var added = await site.Harness.Audit.QueryAsync(new AuditQuery { Area = SuppressionSchema.AuditArea }, Ct);
        Assert.Equal(2, added.Count(a => a.Action == "filter_added" && a.Actor == "canbo.a"));
        foreach (var id in mine[..2])
            Assert.Equal(IncidentState.FalsePositive, (await site.Incidents.GetAsync(id, UnitScope.All, Ct))!.Incident.State);
    }

    [Fact]
    public async Task Bulk_false_positive_reuses_a_filter_that_is_already_there_instead_of_adding_it_again()
    {
        await using var site = await StartAsync();
        var (mine, _) = await SeedAsync(site);
        var rule = (await site.Incidents.GetAsync(mine[0], UnitScope.All, Ct))!.Incident.RuleId!;
        // The same filter for PC-1, added one by one earlier (the host spelt in another case).
        var single = await site.Suppressions.AddFilterAsync(rule, SangMoc,
            [new FilterCondition(FilterCondition.HostField, FilterOperators.Exact, "pc-1")], "máy thử", OfficerA, Ct);

        var outcome = await site.Bulk.RunAsync(OfficerA, BulkSelection.Of(mine[..2]), new BulkCommand(BulkAction.FalsePositive, Suppress: true), Ct);

        Assert.Equal(mine[..2], outcome.Changed);
        Assert.Empty(outcome.Failed);
        Assert.Equal([single.Id], outcome.FiltersReused);
        var added = Assert.Single(outcome.FiltersAdded);
        var filters = (await site.Suppressions.LoadAsync(Ct)).Filters;
        Assert.Equal([single.Id, added], filters.Select(f => f.Id).Order());
        Assert.Equal("PC-2", filters.Single(f => f.Id == added).Conditions.Single().Value);
        var audited = await site.Harness.Audit.QueryAsync(new AuditQuery { Area = SuppressionSchema.AuditArea }, Ct);
        Assert.Equal(2, audited.Count(a => a.Action == "filter_added"));

    }

    [Fact]
    public async Task A_viewer_is_refused_before_any_change_and_the_refusal_is_audited()
    {
        await using var site = await StartAsync();
        var (mine, _) = await SeedAsync(site);
        var viewer = new Caller("tinh.xem", UserRoles.Viewer, null);

        await Assert.ThrowsAsync<AccessRefusedException>(() => site.Bulk.RunAsync(viewer, BulkSelection.Of(mine), new BulkCommand(BulkAction.Assign, Assignee: "x"), Ct));

        Assert.All(mine, id => Assert.DoesNotContain(AuditOfAsync(site, id).Result, a => a.Action == "assigned"));
        var refusal = Assert.Single(await site.Harness.Audit.QueryAsync(new AuditQuery { Area = IncidentsSchema.Area, Actor = "tinh.xem" }, Ct));
        Assert.Equal(AccessGuard.RefusedAction, refusal.Action);
    }

    [Fact]
    public async Task An_empty_comment_is_refused_as_a_whole_before_any_incident_changes()
    {
        await using var site = await StartAsync();
        var (mine, _) = await SeedAsync(site);

        var error = await Assert.ThrowsAsync<InvalidIncidentCommandException>(() => site.Bulk.RunAsync(OfficerA, BulkSelection.Of(mine), new BulkCommand(BulkAction.Comment, Text: "  "), Ct));

        Assert.Equal("text", error.Field);
        Assert.All(mine, id => Assert.Empty(site.Incidents.GetAsync(id, UnitScope.All, Ct).Result!.Comments));
    }
}
