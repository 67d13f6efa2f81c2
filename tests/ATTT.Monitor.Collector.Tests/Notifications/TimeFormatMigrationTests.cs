using System.Globalization;
using ATTT.Monitor.Collector.Notifications.Outbox;
using ATTT.Monitor.Collector.Reports.Monthly;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Notifications;

/// <summary>
/// A state database written by the version that stored the notifications area's times with seven
/// fraction digits: opened by this one, its times take the database's one format and the area's
/// range queries (compared as text) find them.
/// </summary>
public sealed class TimeFormatMigrationTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    // 1 November 2026, 00:00 in Vietnam: the first instant of the month the report covers.
    private static readonly DateTimeOffset MonthStart = new(2026, 10, 31, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Seven_digit_times_of_an_old_database_are_rewritten_and_found_by_the_monthly_report()
    {
        var old = OldFormat(MonthStart);
        // Why the rewrite is needed: as text the old value sorts before the new format of the same instant.
        Assert.True(string.CompareOrdinal(old, DbTime.Format(MonthStart)) < 0);

        var time = new ManualTimeProvider(MonthStart.AddDays(40));
        await using var h = await NotificationsHarness.StartAsync(time: time, beforeInitialize: path => WriteOldDatabaseAsync(path, old));

        Assert.Equal(DbTime.Format(MonthStart), await TextAsync(h, "SELECT first_seen FROM notification_incidents WHERE incident_id = 1;"));
        Assert.Equal(DbTime.Format(MonthStart.AddDays(5)), await TextAsync(h, "SELECT due_at FROM notification_deadlines WHERE incident_id = 1;"));
        Assert.Equal(0, await h.ScalarAsync("SELECT COUNT(*) FROM notification_outbox WHERE length(created_at) <> 27 OR length(next_attempt_at) <> 27 OR length(sent_at) <> 27;"));
        Assert.Equal(0, await h.ScalarAsync("SELECT COUNT(*) FROM notification_incidents WHERE length(first_seen) <> 27 OR length(last_seen) <> 27 OR length(updated_at) <> 27;"));

        var report = await h.Services.GetRequiredService<MonthlyReportService>().BuildAsync("xa-sang-moc", 2026, 11, Ct);
        Assert.Equal(1, report.Incidents);
    }

    /// <summary>The times as the notifications area wrote them before: seven fraction digits.</summary>
    private static string OldFormat(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static async Task WriteOldDatabaseAsync(string path, string firstSeen)
    {
        var database = new EmbeddedDatabase(path, [NotificationsSchema.V1, NotificationsSchema.V2]);
        await database.InitializeAsync(Ct);
        await using var connection = await database.OpenAsync(Ct);
        var sent = OldFormat(MonthStart.AddMinutes(2));
        await using var insert = Sql.Command(connection, null, """
            INSERT INTO notification_incidents (incident_id, title, rule_id, rule_title, tags, category, severity, state, unit, host, first_seen, last_seen, count, is_drill, notified, updated_at)
            VALUES (1, 'Mã độc tống tiền', 'r1', 'Ransomware', '[]', 'ransomware', 3, 'New', 'xa-sang-moc', 'PC-KETOAN-01', $first, $first, 1, 0, 1, $first);
            INSERT INTO notification_deadlines (incident_id, key, title, met_by, starts_at, due_at) VALUES (1, 'notify-5d', 'Thông báo sự cố', 'notice', $first, $due);
            INSERT INTO notification_outbox (incident_id, kind, recipient_email, recipient_name, to_list, cc_list, subject, text_body, html_body, message_id,
                is_drill, is_authority, severity, status, attempts, next_attempt_at, created_at, sent_at)
            VALUES (1, 'notice', 'canhbao@congan.example', 'Công an tỉnh', '', '', '[TBSC] Mã độc', 'x', 'x', 'm-1', 0, 1, 3, 'sent', 1, $first, $first, $sent);
            """, ("$first", firstSeen), ("$due", OldFormat(MonthStart.AddDays(5))), ("$sent", sent));
        await insert.ExecuteNonQueryAsync(Ct);
        SqliteConnection.ClearAllPools();
    }

    private static async Task<string> TextAsync(NotificationsHarness h, string sql)
    {
        await using var connection = await h.Database.OpenAsync(Ct);
        await using var command = Sql.Command(connection, null, sql);
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }
}
