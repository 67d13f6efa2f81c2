using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Outbox;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Notifications;

public sealed class OutboxWriterTests
{
    [Fact]
    public async Task Opened_serious_incident_writes_one_row_per_recipient_with_TBSC_subject_and_routing()
    {
        await using var h = await NotificationsHarness.StartAsync();
        await h.ChangeAsync(IncidentChanges.Opened(severity: IncidentSeverity.High));

        var rows = await h.RowsAsync();
        Assert.Equal(
            new[] { NotificationSettings.Police, NotificationSettings.ItOfficer, NotificationSettings.Commune, NotificationSettings.Dost }.Order(),
            rows.Select(r => r.RecipientEmail).Order());
        Assert.All(rows, r => Assert.StartsWith("[TBSC] ", r.Subject, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Pending, r.Status));
        var first = rows[0];
        // One recipient per copy: each is addressed alone, and the body names everyone told.
        Assert.All(rows, r => Assert.Equal((r.RecipientEmail, 0), (Assert.Single(r.ToList).Email, r.CcList.Count)));
        Assert.All(new[] { NotificationSettings.Police, NotificationSettings.ItOfficer, NotificationSettings.Commune, NotificationSettings.Dost },
            email => Assert.Contains(email, first.TextBody, StringComparison.Ordinal));
        Assert.Contains("Mức độ: cao", first.TextBody, StringComparison.Ordinal);
        Assert.Contains("mã độc tống tiền", first.TextBody, StringComparison.Ordinal);
        Assert.Contains("Mã hoá hàng loạt tệp tin trên máy kế toán", first.Subject, StringComparison.Ordinal);
        Assert.Equal(rows.Count, rows.Select(r => r.MessageId).Distinct().Count());
        Assert.All(rows, r => Assert.Contains("/notifications/ack/", r.TextBody, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Medium_incident_waits_for_the_IT_officer_digest_and_never_reaches_the_authorities()
    {
        await using var h = await NotificationsHarness.StartAsync();
        await h.ChangeAsync(IncidentChanges.Opened(severity: IncidentSeverity.Medium, category: IncidentCategory.Malware));

        Assert.Empty(await h.RowsAsync());
        Assert.Equal(1, await h.ScalarAsync("SELECT COUNT(*) FROM notification_digest_items WHERE digested_at IS NULL"));
    }

    [Fact]
    public async Task An_incident_change_rolled_back_leaves_no_outbox_row()
    {
        await using var h = await NotificationsHarness.StartAsync();
        await h.ChangeAsync(IncidentChanges.Opened(), commit: false);

        Assert.Empty(await h.RowsAsync());
        Assert.Equal(0, await h.ScalarAsync("SELECT COUNT(*) FROM notification_deadlines"));
    }

    [Fact]
    public async Task Repeated_detections_update_the_incident_without_new_mail()
    {
        await using var h = await NotificationsHarness.StartAsync();
        var opened = IncidentChanges.Opened();
        await h.ChangeAsync(opened);
        var before = (await h.RowsAsync()).Count;
        for (var i = 1; i <= 5; i++)
            await h.ChangeAsync(IncidentChanges.With(opened, IncidentChangeKind.Updated, opened.At.AddMinutes(i)).WithIncident(it => it with { Count = 1 + i }));

        Assert.Equal(before, (await h.RowsAsync()).Count);
        Assert.Equal(6, await h.ScalarAsync("SELECT count FROM notification_incidents WHERE incident_id = 1"));
    }

    [Fact]
    public async Task Drill_incident_goes_only_to_the_drill_recipients_marked_as_drill_and_never_TBSC()
    {
        await using var h = await NotificationsHarness.StartAsync();
        await h.ChangeAsync(IncidentChanges.Opened(severity: IncidentSeverity.Critical, isDrill: true, title: "[TBSC] Diễn tập mã độc tống tiền"));

        var row = Assert.Single(await h.RowsAsync());
        Assert.Equal(NotificationSettings.DrillDesk, row.RecipientEmail);
        Assert.StartsWith("[DIỄN TẬP] ", row.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("[TBSC]", row.Subject, StringComparison.Ordinal);
        Assert.True(row.IsDrill);
        Assert.False(row.IsAuthority);
        Assert.Equal(0, await h.ScalarAsync("SELECT COUNT(*) FROM notification_deadlines"));
    }

    [Fact]
    public async Task Low_severity_incident_waits_for_the_digest_instead_of_mailing()
    {
        await using var h = await NotificationsHarness.StartAsync();
        await h.ChangeAsync(IncidentChanges.Opened(severity: IncidentSeverity.Low, category: IncidentCategory.AgentSilent));

        Assert.Empty(await h.RowsAsync());
        Assert.Equal(1, await h.ScalarAsync("SELECT COUNT(*) FROM notification_digest_items WHERE digested_at IS NULL"));
    }

    [Fact]
    public async Task Severity_raised_from_low_sends_the_first_notice_then_a_state_change_is_batched_into_one_update()
    {
        var time = new ManualTimeProvider(IncidentChanges.Detected);
        await using var h = await NotificationsHarness.StartAsync(time: time);
        var low = IncidentChanges.Opened(severity: IncidentSeverity.Low);
        await h.ChangeAsync(low);
        await h.ChangeAsync(IncidentChanges.With(low, IncidentChangeKind.SeverityRaised, low.At.AddMinutes(5)).WithIncident(it => it with { Severity = IncidentSeverity.Critical }));
        var notices = await h.RowsAsync("kind = 'notice'");
        Assert.Equal(4, notices.Count);

        time.Set(low.At.AddHours(3));
        await h.ChangeAsync(IncidentChanges.With(low, IncidentChangeKind.StateChanged, time.Now).WithIncident(it => it with { Severity = IncidentSeverity.Critical, State = IncidentState.Resolved }));
        var watcher = h.Services.GetRequiredService<ATTT.Monitor.Collector.Notifications.Deadlines.NotificationWatcher>();
        await watcher.RunOnceAsync(TestContext.Current.CancellationToken);
        Assert.Empty(await h.RowsAsync("kind = 'update'"));
        time.Advance(TimeSpan.FromHours(1));
        await watcher.RunOnceAsync(TestContext.Current.CancellationToken);
        var updates = await h.RowsAsync("kind = 'update'");
        Assert.Equal(new[] { NotificationSettings.Commune, NotificationSettings.ItOfficer }.Order(), updates.Select(u => u.RecipientEmail).Order());
        Assert.Contains("đã khắc phục", updates[0].Subject, StringComparison.Ordinal);
        Assert.Equal(1, await h.ScalarAsync("SELECT COUNT(*) FROM notification_deadlines WHERE key = 'closing_report_5d'"));
    }

    [Fact]
    public async Task Event_content_is_html_encoded_in_the_html_part()
    {
        await using var h = await NotificationsHarness.StartAsync();
        await h.ChangeAsync(IncidentChanges.Opened(severity: IncidentSeverity.High, host: "<img src=x onerror=alert(1)>", title: "Lệnh <script>alert('x')</script> & \"độc\""));

        var row = Assert.Single(await h.RowsAsync($"recipient_email = '{NotificationSettings.ItOfficer}'"));
        Assert.DoesNotContain("<script>", row.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", row.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", row.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Lệnh", row.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<script>", row.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_template_folder_overrides_the_shipped_template()
    {
        using var templates = new TempFolder();
        await File.WriteAllTextAsync(Path.Combine(templates.Path, "notice.txt"), "Subject: Báo động {{title}}\n\nMáy {{host}} - đơn vị {{unit}}\n", TestContext.Current.CancellationToken);
        await using var h = await NotificationsHarness.StartAsync(new Dictionary<string, string?> { ["Notifications:TemplatesFolder"] = templates.Path });
        await h.ChangeAsync(IncidentChanges.Opened(severity: IncidentSeverity.High));

        var row = Assert.Single(await h.RowsAsync($"recipient_email = '{NotificationSettings.ItOfficer}'"));
        Assert.Equal("[TBSC] Báo động Mã hoá hàng loạt tệp tin trên máy kế toán", row.Subject);
        Assert.Equal("Máy PC-KETOAN-01 - đơn vị xa-sang-moc\n", row.TextBody);
        Assert.Contains("<table", row.HtmlBody, StringComparison.Ordinal);
    }
}
