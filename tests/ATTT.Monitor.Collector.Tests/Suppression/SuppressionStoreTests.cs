using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Suppression;
using ATTT.Monitor.Collector.Tests.Support;
using ATTT.Monitor.Events;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Tests.Suppression;

/// <summary>Disablements and filters on a real state database: validation, audit, and what detection then drops.</summary>
public sealed class SuppressionStoreTests
{
    private const string Rule = "0e95725d-7320-415d-80f7-004da920fc11";
    private const string Other = "5b7e2b19-8d8a-4d41-9b7e-2b5b1b0a3c44";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly Caller Province = new("admin", UserRoles.Admin, null);
    private static readonly Caller Officer = new("canbo.a", UserRoles.Officer, "xa-sang-moc");

    private static async Task<(StateDatabaseFixture Db, SuppressionStore Store, SqliteAuditLog Audit)> CreateAsync()
    {
        var db = await StateDatabaseFixture.CreateAsync(SuppressionSchema.Migrations);
        var audit = new SqliteAuditLog(db.Database);
        return (db, new SuppressionStore(db.Database, audit, new ManualTimeProvider(), NullLogger<SuppressionStore>.Instance), audit);
    }

    private static StoredEvent Event(string unit = "xa-sang-moc", string computer = "PC-KETOAN-01", string image = @"C:\Program Files\MISA\misa.exe", string user = "ketoan") =>
        new(1, "a_01", unit, false, DateTimeOffset.UnixEpoch, new EventRecord
        {
            EventId = 4688, Channel = "Security", Computer = computer,
            Fields = [new("NewProcessName", image), new("Image", image), new("TargetUserName", user)],
        });

    private static RuleMatch Match(string rule = Rule) => new(rule, "t", "high", [], null);

    [Fact]
    public async Task A_rule_disabled_for_one_unit_is_dropped_there_only_and_province_scope_drops_everywhere()
    {
        var (db, store, audit) = await CreateAsync();
        await using var _ = db;
        var suppressions = new DetectionSuppressions(store);

        await store.DisableAsync(Rule, "xa-sang-moc", "  máy kế toán chạy MISA  ", Officer, Ct);
        Assert.True(suppressions.ShouldSuppress(Match(), Event()));
        Assert.False(suppressions.ShouldSuppress(Match(), Event(unit: "xa-vu-chan")));
        Assert.False(suppressions.ShouldSuppress(Match(Other), Event()));
        Assert.Equal(1, suppressions.DisabledHits[Rule]);

        await store.DisableAsync(Other, SuppressionUnits.All, "ồn ào", Province, Ct);
        Assert.True(suppressions.ShouldSuppress(Match(Other), Event(unit: "bat-ky")));

        var error = await Assert.ThrowsAsync<SuppressionValidationException>(() => store.DisableAsync(Rule, "xa-sang-moc", "lần hai", Officer, Ct));
        Assert.Equal("Rules.AlreadyDisabled", error.TextKey);

        await store.EnableAsync(Rule, "xa-sang-moc", "đã sửa", Officer, Ct);
        Assert.False(suppressions.ShouldSuppress(Match(), Event()));
        Assert.Equal("Rules.NotDisabled", (await Assert.ThrowsAsync<SuppressionValidationException>(() => store.EnableAsync(Rule, "xa-sang-moc", "x", Province, Ct))).TextKey);

        var records = await audit.QueryAsync(new AuditQuery { Area = SuppressionSchema.AuditArea }, Ct);
        Assert.Equal(["rule_disabled", "rule_disabled", "rule_enabled"], records.OrderBy(r => r.Id).Select(r => r.Action));
        var first = records.OrderBy(r => r.Id).First();
        Assert.Equal("canbo.a", first.Actor);
        Assert.Equal("rule:" + Rule, first.Target);
        Assert.Contains("unit=xa-sang-moc; reason=máy kế toán chạy MISA", first.Details, StringComparison.Ordinal);
        var disabled = Assert.Single((await store.LoadAsync(Ct)).Disablements);
        Assert.Equal((Other, "*", "ồn ào", "admin"), (disabled.RuleId, disabled.Unit, disabled.Reason, disabled.DisabledBy));
    }

    [Fact]
    public async Task A_filter_drops_only_events_meeting_every_condition_counts_its_hits_and_can_be_removed()
    {
        var (db, store, audit) = await CreateAsync();
        await using var _ = db;
        var suppressions = new DetectionSuppressions(store);
        var id = (await store.AddFilterAsync(Rule, "xa-sang-moc",
            [new FilterCondition("Image", FilterOperators.EndsWith, @"\MISA.EXE"), new FilterCondition("host", FilterOperators.Exact, "pc-ketoan-01")],
            "Phần mềm kế toán hợp lệ", Officer, Ct)).Id;

        Assert.True(suppressions.ShouldSuppress(Match(), Event()));
        Assert.False(suppressions.ShouldSuppress(Match(), Event(computer: "PC-VANTHU-02")));
        Assert.False(suppressions.ShouldSuppress(Match(), Event(image: @"C:\Temp\misa.exe.bat")));
        Assert.False(suppressions.ShouldSuppress(Match(), Event(unit: "xa-vu-chan")));
        Assert.False(suppressions.ShouldSuppress(Match(Other), Event()));
        Assert.Equal(1, suppressions.FilterHits[id]);

        var filter = Assert.Single(store.Current.Filters);
        Assert.Equal(("canbo.a", "Phần mềm kế toán hợp lệ", 2), (filter.CreatedBy, filter.Reason, filter.Conditions.Count));

        Assert.False(await store.RemoveFilterAsync(id + 1, "không có", Province, Ct));
        Assert.True(await store.RemoveFilterAsync(id, "MISA đã gỡ", Province, Ct));
        Assert.False(await store.RemoveFilterAsync(id, "lần hai", Province, Ct));
        Assert.Empty(store.Current.Filters);
        Assert.False(suppressions.ShouldSuppress(Match(), Event()));
        Assert.Equal(1, await db.ScalarAsync("SELECT COUNT(*) FROM rule_filters WHERE removed_by = 'admin' AND removed_reason = 'MISA đã gỡ'"));
        var actions = (await audit.QueryAsync(new AuditQuery { Area = SuppressionSchema.AuditArea }, Ct)).OrderBy(r => r.Id).Select(r => r.Action);
        Assert.Equal(["filter_added", "filter_removed"], actions);
    }

    [Theory]
    [InlineData("Image", "contains", "", "lý do", "Rules.BadValue")]
    [InlineData("<b>x</b>", "equals", "v", "lý do", "Rules.BadField")]
    [InlineData("Image", "regex", "v", "lý do", "Rules.BadOperator")]
    [InlineData("Image", "equals", "v", "   ", "Rules.ReasonRequired")]
    public async Task Bad_filters_are_refused_with_a_named_reason_and_nothing_is_stored(string field, string op, string value, string reason, string key)
    {
        var (db, store, _) = await CreateAsync();
        await using var __ = db;
        var error = await Assert.ThrowsAsync<SuppressionValidationException>(() => store.AddFilterAsync(Rule, "xa", [new FilterCondition(field, op, value)], reason, Province, Ct));
        Assert.Equal(key, error.TextKey);
        Assert.Equal("Rules.NoCondition", (await Assert.ThrowsAsync<SuppressionValidationException>(() => store.AddFilterAsync(Rule, "xa", [], "lý do", Province, Ct))).TextKey);
        var six = Enumerable.Range(0, 6).Select(i => new FilterCondition("F" + i, "equals", "v")).ToList();
        Assert.Equal("Rules.TooManyConditions", (await Assert.ThrowsAsync<SuppressionValidationException>(() => store.AddFilterAsync(Rule, "xa", six, "lý do", Province, Ct))).TextKey);
        Assert.Equal(0, await db.ScalarAsync("SELECT COUNT(*) FROM rule_filters"));
        Assert.Equal(0, await db.ScalarAsync("SELECT COUNT(*) FROM audit_log"));
    }

    [Fact]
    public async Task A_filter_written_with_the_rules_field_names_matches_through_the_logsource_mapping()
    {
        var (db, store, _) = await CreateAsync();
        await using var __ = db;
        await store.AddFilterAsync(Rule, "xa-sang-moc", [new FilterCondition("Image", FilterOperators.EndsWith, @"\misa.exe")], "MISA", Province, Ct);
        var options = Options.Create(new DetectionOptions());
        var resolver = new SigmaFieldResolver(new RuleCatalog(options, new ManualTimeProvider(), NullLogger<RuleCatalog>.Instance), options, NullLogger<SigmaFieldResolver>.Instance);
        var security4688 = new StoredEvent(1, "a_01", "xa-sang-moc", false, DateTimeOffset.UnixEpoch, new EventRecord
        {
            EventId = 4688, Channel = "Security", Computer = "PC-01", Fields = [new("NewProcessName", @"C:\MISA\MISA.EXE")],
        });

        Assert.False(new DetectionSuppressions(store).ShouldSuppress(Match(), security4688));
        Assert.True(new DetectionSuppressions(store, resolver).ShouldSuppress(Match(), security4688));
        Assert.False(new DetectionSuppressions(store, resolver).ShouldSuppress(Match(), security4688 with { Event = new EventRecord { EventId = 4624, Channel = "Security", Fields = [new("NewProcessName", @"C:\MISA\MISA.EXE")] } }));
    }

    [Fact]
    public async Task The_suppressing_detector_removes_the_suppressed_matches_of_every_event_of_a_slice()
    {
        var (db, store, _) = await CreateAsync();
        await using var __ = db;
        await store.DisableAsync(Rule, "xa-sang-moc", "thử", Province, Ct);
        var source = new SuppressingDetectorSource(new FixedSource([Match(), Match(Other)]), [new DetectionSuppressions(store)]);
        var output = new SliceMatches();
        output.Reset(2);

        source.CreateDetector().Evaluate([Event(), Event(unit: "xa-khac") with { Id = 2 }], output);

        Assert.Equal([Other], output.MatchesOf(0).Select(m => m.RuleId));
        Assert.Equal([Rule, Other], output.MatchesOf(1).Select(m => m.RuleId));
    }

    private sealed class FixedSource(IReadOnlyList<RuleMatch> matches) : IDetectorSource, IDetector
    {
        public long Version => 1;

        public IDetector CreateDetector() => this;

        public void Evaluate(IReadOnlyList<StoredEvent> events, SliceMatches output)
        {
            for (var i = 0; i < events.Count; i++)
                output.MatchesOf(i).AddRange(matches);
        }
    }
}
