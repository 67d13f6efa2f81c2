using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Deadlines;
using ATTT.Monitor.Collector.Notifications.Outbox;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Notifications;

/// <summary>
/// An incident marked a personal-data breach (the journal's <see cref="IncidentChangeKind.PersonalDataBreachKnown"/>):
/// the 72 h data-protection clock starts at the mark, not at detection nor at the first event; the
/// notice goes to whom routing names for data_breach, at any severity; sending it meets the clock.
/// </summary>
public sealed class PersonalDataNoticeTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Detected = IncidentChanges.Detected;
    private const string Agency = "a05@bocongan.gov.vn";

    /// <summary>The data-protection agency, an authority routed only data_breach (at any severity).</summary>
    private static Dictionary<string, string?> WithAgency(Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings["Notifications:Contacts:4:Id"] = "a05";
        settings["Notifications:Contacts:4:Name"] = "Cục An ninh mạng và phòng, chống tội phạm công nghệ cao";
        settings["Notifications:Contacts:4:Email"] = Agency;
        settings["Notifications:Contacts:4:IsAuthority"] = "true";
        settings["Notifications:Routes:3:Name"] = "dữ liệu cá nhân";
        settings["Notifications:Routes:3:MinSeverity"] = "Low";
        settings["Notifications:Routes:3:Categories:0"] = IncidentCategory.DataBreach;
        settings["Notifications:Routes:3:To:0"] = "a05";
        return settings;
    }

    private static IncidentChange Marked(IncidentChange opened, DateTimeOffset at) =>
        IncidentChanges.With(opened, IncidentChangeKind.PersonalDataBreachKnown, at).WithIncident(i => i with { LastSeen = opened.Incident.LastSeen }) with { Actor = "admin.a", Note = "Họ tên, số CCCD của 120 người dân" };

    [Fact]
    public async Task The_clock_starts_at_the_mark_and_the_agency_gets_one_notice_with_what_data_even_for_a_medium_incident()
    {
        var time = new ManualTimeProvider(Detected);
        await using var h = await NotificationsHarness.StartAsync(WithAgency(), time);
        // Found at Detected; its events happened three days before.
        var opened = IncidentChanges.Opened(severity: IncidentSeverity.Medium, category: IncidentCategory.Malware).WithIncident(i => i with { FirstSeen = Detected.AddDays(-3), LastSeen = Detected.AddDays(-3) });
        await h.ChangeAsync(opened);
        var clock = h.Services.GetRequiredService<IDeadlineClock>();
        Assert.DoesNotContain(await clock.GetAsync(1, Ct), c => c.Key == DeadlinePolicy.DataProtection.Key);
        Assert.Empty(await h.RowsAsync($"recipient_email = '{Agency}'"));

        var known = Detected.AddHours(30);
        time.Set(known);
        await h.ChangeAsync(Marked(opened, known));

        var data = (await clock.GetAsync(1, Ct)).Single(c => c.Key == DeadlinePolicy.DataProtection.Key);
        Assert.Equal((known, known.AddHours(72), false), (data.StartsAt, data.DueAt, data.IsOverdue));
        var notice = Assert.Single(await h.RowsAsync($"recipient_email = '{Agency}'"));
        Assert.Equal(MessageKinds.PersonalData, notice.Kind);
        Assert.Contains("Họ tên, số CCCD của 120 người dân", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("Kính gửi Cục An ninh mạng và phòng, chống tội phạm công nghệ cao", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("người xác định: admin.a", notice.TextBody, StringComparison.Ordinal);
        // A medium incident is still not the police's: the breach notice goes only where data_breach is routed.
        Assert.Empty(await h.RowsAsync($"recipient_email = '{NotificationSettings.Police}'"));

        // Later changes (a repeated detection) neither move the clock nor notify the agency again.
        time.Set(known.AddHours(5));
        await h.ChangeAsync(IncidentChanges.With(opened, IncidentChangeKind.Updated, known.AddHours(5)).WithIncident(i => i with { Count = 2 }));
        Assert.Equal(known, (await clock.GetAsync(1, Ct)).Single(c => c.Key == DeadlinePolicy.DataProtection.Key).StartsAt);
        Assert.Single(await h.RowsAsync($"recipient_email = '{Agency}'"));
    }

    [Fact]
    public async Task A_false_positive_is_never_noticed_as_a_breach_and_a_drill_goes_to_the_drill_desk_without_a_clock()
    {
        var time = new ManualTimeProvider(Detected);
        await using var h = await NotificationsHarness.StartAsync(WithAgency(), time);
        var wrong = IncidentChanges.Opened(id: 1, severity: IncidentSeverity.High, category: IncidentCategory.Malware).WithIncident(i => i with { State = IncidentState.FalsePositive });
        await h.ChangeAsync(Marked(wrong, Detected.AddHours(1)));
        var drill = IncidentChanges.Opened(id: 2, severity: IncidentSeverity.High, isDrill: true, host: "PC-02");
        await h.ChangeAsync(Marked(drill, Detected.AddHours(1)));

        var clock = h.Services.GetRequiredService<IDeadlineClock>();
        Assert.DoesNotContain(await clock.GetAsync(1, Ct), c => c.Key == DeadlinePolicy.DataProtection.Key);
        Assert.DoesNotContain(await clock.GetAsync(2, Ct), c => c.Key == DeadlinePolicy.DataProtection.Key);
        Assert.Empty(await h.RowsAsync($"kind = '{MessageKinds.PersonalData}' AND incident_id = 1"));
        var drilled = Assert.Single(await h.RowsAsync($"kind = '{MessageKinds.PersonalData}' AND incident_id = 2"));
        Assert.Equal(NotificationSettings.DrillDesk, drilled.RecipientEmail);
    }

    [Fact]
    public async Task Sending_the_breach_notice_to_the_agency_meets_the_data_protection_clock()
    {
        await using var smtp = new LoopbackSmtpServer();
        await smtp.StartAsync();
        var time = new ManualTimeProvider(Detected);
        await using var h = await NotificationsHarness.StartAsync(WithAgency(smtp.Settings()), time);
        var opened = IncidentChanges.Opened(severity: IncidentSeverity.Low, category: IncidentCategory.Malware);
        await h.ChangeAsync(opened);
        time.Set(Detected.AddHours(2));
        await h.ChangeAsync(Marked(opened, Detected.AddHours(2)));

        await h.Sender.ProcessDueAsync(Ct);

        var arrived = Assert.Single(smtp.Received, m => m.Envelope.SequenceEqual([Agency]));
        Assert.StartsWith("[TBSC] Thông báo vi phạm dữ liệu cá nhân", arrived.Message.Subject, StringComparison.Ordinal);
        var data = (await h.Services.GetRequiredService<IDeadlineClock>().GetAsync(1, Ct)).Single(c => c.Key == DeadlinePolicy.DataProtection.Key);
        Assert.NotNull(data.MetAt);
    }
}
