using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Tests.Support;

namespace ATTT.Monitor.Collector.Tests.Audit;

public sealed class AuditLogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Entries_are_stored_and_queried_newest_first_by_area_target_and_time()
    {
        await using var db = await StateDatabaseFixture.CreateAsync();
        var log = new SqliteAuditLog(db.Database);
        var t = new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero);
        await log.WriteAsync(new AuditEntry("agents", "revoked", "admin", "agent:a_1", "lost laptop", t), Ct);
        await log.WriteAsync(new AuditEntry("incidents", "assigned", "admin", "incident:1", "-> B", t.AddMinutes(1)), Ct);
        await log.WriteAsync(new AuditEntry("incidents", "commented", "Nguyễn Văn B", "incident:1", "Đã xử lý", t.AddMinutes(2)), Ct);

        var incident = await log.QueryAsync(new AuditQuery { Area = "incidents", Target = "incident:1" }, Ct);
        Assert.Equal(["commented", "assigned"], incident.Select(r => r.Action));
        Assert.Equal("Nguyễn Văn B", incident[0].Actor);
        Assert.Equal(t.AddMinutes(2), incident[0].At);
        Assert.Equal(2, (await log.QueryAsync(new AuditQuery { From = t.AddSeconds(30) }, Ct)).Count);
        var page = await log.QueryAsync(new AuditQuery { Limit = 1, BeforeId = incident[1].Id }, Ct);
        Assert.Equal("revoked", Assert.Single(page).Action);
    }

    [Fact]
    public async Task An_entry_written_in_a_transaction_rolls_back_with_it()
    {
        await using var db = await StateDatabaseFixture.CreateAsync();
        var log = new SqliteAuditLog(db.Database);
        await using (var connection = await db.Database.OpenAsync(Ct))
        await using (var transaction = connection.BeginTransaction())
        {
            await log.WriteAsync(new AuditEntry("users", "created", "admin", "user:x", null, DateTimeOffset.UnixEpoch), connection, transaction, Ct);
            transaction.Rollback();
        }

        Assert.Equal(0, await db.ScalarAsync("SELECT COUNT(*) FROM audit_log"));
        await Assert.ThrowsAsync<ArgumentException>(() => log.WriteAsync(new AuditEntry("users", "", "admin", null, null, DateTimeOffset.UnixEpoch), Ct));
    }
}
