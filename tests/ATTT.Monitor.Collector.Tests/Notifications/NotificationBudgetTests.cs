using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Deadlines;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Notifications;

/// <summary>
/// The notification budget: the authorities get one notice per serious incident, never one per
/// detection; updates are batched; low and medium incidents reach the IT officer in a digest; a
/// recipient's daily cap turns the excess into one digest that says so.
/// </summary>
public sealed class NotificationBudgetTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly string[] Authorities = [NotificationSettings.Police, NotificationSettings.Dost];

    private static string ToAuthorities => $"recipient_email IN ('{NotificationSettings.Police}', '{NotificationSettings.Dost}')";

    [Fact]
    public async Task The_authorities_get_one_notice_per_serious_incident_and_updates_are_batched_for_the_people_who_act()
    {
        var time = new ManualTimeProvider(IncidentChanges.Detected);
        await using var h = await NotificationsHarness.StartAsync(time: time);
        var opened = IncidentChanges.Opened(severity: IncidentSeverity.High);
        await h.ChangeAsync(opened);
        for (var i = 1; i <= 20; i++)
            await h.ChangeAsync(IncidentChanges.With(opened, IncidentChangeKind.Updated, opened.At.AddMinutes(i)).WithIncident(it => it with { Count = 1 + i }));
        time.Advance(TimeSpan.FromMinutes(25));
        await h.ChangeAsync(IncidentChanges.With(opened, IncidentChangeKind.SeverityRaised, time.Now).WithIncident(it => it with { Severity = IncidentSeverity.Critical, Count = 22 }));
        time.Advance(TimeSpan.FromMinutes(5));
        await h.ChangeAsync(IncidentChanges.With(opened, IncidentChangeKind.StateChanged, time.Now).WithIncident(it => it with { Severity = IncidentSeverity.Critical, State = IncidentState.InProgress }) with { Actor = "cntt" });
        var watcher = h.Services.GetRequiredService<NotificationWatcher>();

        Assert.Equal(Authorities.Order(), (await h.RowsAsync(ToAuthorities)).Select(r => r.RecipientEmail).Order());
        Assert.All(await h.RowsAsync(ToAuthorities), r => Assert.Equal("notice", r.Kind));
        await watcher.RunOnceAsync(Ct);
        Assert.Empty(await h.RowsAsync("kind = 'update'"));

        time.Advance(TimeSpan.FromMinutes(56)); // the first change (at 25 min) has waited an hour
        await watcher.RunOnceAsync(Ct);
        await watcher.RunOnceAsync(Ct);
        var updates = await h.RowsAsync("kind = 'update'");
        Assert.Equal(new[] { NotificationSettings.Commune, NotificationSettings.ItOfficer }.Order(), updates.Select(r => r.RecipientEmail).Order());
        Assert.All(updates, u => Assert.Contains("mức độ tăng lên nghiêm trọng; trạng thái chuyển sang đang xử lý", u.Subject, StringComparison.Ordinal));
        Assert.Equal(2, (await h.RowsAsync(ToAuthorities)).Count);
    }

    [Fact]
    public async Task Low_and_medium_incidents_reach_the_IT_officer_in_one_digest()
    {
        var time = new ManualTimeProvider(IncidentChanges.Detected);
        await using var h = await NotificationsHarness.StartAsync(time: time);
        await h.ChangeAsync(IncidentChanges.Opened(id: 1, severity: IncidentSeverity.Medium, category: IncidentCategory.Malware, title: "Phát hiện phần mềm quảng cáo"));
        await h.ChangeAsync(IncidentChanges.Opened(id: 2, severity: IncidentSeverity.Low, category: IncidentCategory.AccountCompromise, title: "Đăng nhập sai mật khẩu", host: "PC-02"));
        Assert.Empty(await h.RowsAsync());

        time.Advance(TimeSpan.FromHours(1));
        await h.Services.GetRequiredService<NotificationWatcher>().RunOnceAsync(Ct);

        var digest = Assert.Single(await h.RowsAsync());
        Assert.Equal(("digest", NotificationSettings.ItOfficer), (digest.Kind, digest.RecipientEmail));
        Assert.Contains("Phát hiện phần mềm quảng cáo", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("Đăng nhập sai mật khẩu", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("[TBSC]", digest.Subject, StringComparison.Ordinal);
        // Without a notice to the authorities there is no "notify the authorities" clock to escalate.
        Assert.DoesNotContain(await h.Services.GetRequiredService<IDeadlineClock>().GetAsync(1, Ct), c => c.MetBy == "notice");
    }

    [Fact]
    public async Task A_silent_PC_is_never_an_authority_notice_whatever_its_severity()
    {
        await using var h = await NotificationsHarness.StartAsync();
        await h.ChangeAsync(IncidentChanges.Opened(severity: IncidentSeverity.High, category: IncidentCategory.AgentSilent, title: "Tác tử mất kết nối"));

        Assert.Empty(await h.RowsAsync(ToAuthorities));
        Assert.Contains(await h.RowsAsync(), r => r.RecipientEmail == NotificationSettings.ItOfficer);
    }

    [Fact]
    public async Task Over_the_daily_cap_messages_go_into_one_digest_that_says_so_and_the_next_day_starts_afresh()
    {
        var time = new ManualTimeProvider(IncidentChanges.Detected);
        await using var h = await NotificationsHarness.StartAsync(new Dictionary<string, string?> { ["Notifications:Budget:MaxPerRecipientPerDay"] = "3" }, time);
        for (var id = 1; id <= 5; id++)
            await h.ChangeAsync(IncidentChanges.Opened(id: id, severity: IncidentSeverity.High, host: $"PC-{id:D2}", title: $"Mã hoá tệp trên máy {id}"));

        Assert.Equal(3, (await h.RowsAsync($"recipient_email = '{NotificationSettings.Police}'")).Count);
        time.Advance(TimeSpan.FromHours(1));
        await h.Services.GetRequiredService<NotificationWatcher>().RunOnceAsync(Ct);

        var overflow = Assert.Single(await h.RowsAsync($"recipient_email = '{NotificationSettings.Police}' AND kind = 'overflow'"));
        Assert.StartsWith("[TBSC] Tổng hợp 2 thông báo vượt giới hạn", overflow.Subject, StringComparison.Ordinal);
        Assert.Contains("3 thư, là giới hạn mỗi ngày", overflow.TextBody, StringComparison.Ordinal);
        Assert.Contains("Mã hoá tệp trên máy 4", overflow.TextBody, StringComparison.Ordinal);
        Assert.Contains("Mã hoá tệp trên máy 5", overflow.TextBody, StringComparison.Ordinal);
        Assert.True(overflow.IsAuthority);
        // Once the digest reached the police, the incidents it carried have met their "notify the authorities" clock.
        await h.Sender.ProcessDueAsync(Ct);
        Assert.Equal(5, await h.ScalarAsync("SELECT COUNT(*) FROM notification_deadlines WHERE key = 'initial_notice_5d' AND met_at IS NOT NULL"));

        time.Advance(TimeSpan.FromDays(1));
        await h.ChangeAsync(IncidentChanges.Opened(id: 6, severity: IncidentSeverity.High, host: "PC-06", at: time.Now));
        Assert.Single(await h.RowsAsync($"recipient_email = '{NotificationSettings.Police}' AND incident_id = 6 AND kind = 'notice'"));
    }

    [Fact]
    public async Task Further_serious_incidents_on_a_PC_the_authorities_were_told_of_reach_them_in_one_follow_up()
    {
        var time = new ManualTimeProvider(IncidentChanges.Detected);
        await using var h = await NotificationsHarness.StartAsync(time: time);
        await h.ChangeAsync(IncidentChanges.Opened(id: 1, severity: IncidentSeverity.High, title: "Đăng nhập bằng mật khẩu dò được"));
        for (var id = 2; id <= 6; id++)
            await h.ChangeAsync(IncidentChanges.Opened(id: id, severity: IncidentSeverity.Critical, title: $"Bước tấn công {id}", at: IncidentChanges.Detected.AddMinutes(id)));
        await h.ChangeAsync(IncidentChanges.Opened(id: 7, severity: IncidentSeverity.High, host: "PC-KHAC", title: "Máy khác"));

        Assert.Equal([1L, 1, 7, 7], (await h.RowsAsync(ToAuthorities)).Select(r => r.IncidentId!.Value).Order());
        Assert.Equal(7, (await h.RowsAsync($"recipient_email = '{NotificationSettings.ItOfficer}'")).Count);

        time.Advance(TimeSpan.FromHours(1));
        await h.Services.GetRequiredService<NotificationWatcher>().RunOnceAsync(Ct);
        var followUp = Assert.Single(await h.RowsAsync($"recipient_email = '{NotificationSettings.Police}' AND kind = 'related'"));
        Assert.StartsWith("[TBSC] Các sự cố liên quan tiếp theo (5)", followUp.Subject, StringComparison.Ordinal);
        Assert.Contains("Bước tấn công 6", followUp.TextBody, StringComparison.Ordinal);
        await h.Sender.ProcessDueAsync(Ct);
        Assert.Equal(7, await h.ScalarAsync("SELECT COUNT(*) FROM notification_deadlines WHERE key = 'initial_notice_5d' AND met_at IS NOT NULL"));
    }
}
