using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Notifications;

/// <summary>The real incident manager, wired with AddIncidents, journals its changes and the outbox writer reads them.</summary>
public sealed class IncidentManagerIntegrationTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Detections_recorded_by_the_incident_manager_queue_one_notice_set_and_repeats_queue_nothing()
    {
        var time = new ManualTimeProvider(Hits.T0);
        await using var h = await NotificationsHarness.StartAsync(time: time, configure: services =>
        {
            services.AddIncidents(new ConfigurationBuilder().Build());
            foreach (var migration in AuditSchema.Migrations)
                services.AddSingleton(migration);
            services.AddSingleton<IAuditLog, SqliteAuditLog>();
        });
        var manager = h.Services.GetRequiredService<IncidentManager>();

        await manager.RecordDetectionsAsync([Hits.Ransom(1, Hits.T0)], Ct);
        await h.CatchUpAsync();
        var first = await h.RowsAsync();
        Assert.NotEmpty(first);
        Assert.Contains(first, r => r.RecipientEmail == NotificationSettings.Police && r.Subject.StartsWith("[TBSC] ", StringComparison.Ordinal));

        time.Advance(TimeSpan.FromMinutes(2));
        await manager.RecordDetectionsAsync([Hits.Ransom(2, Hits.T0.AddMinutes(2)), Hits.Ransom(3, Hits.T0.AddMinutes(2))], Ct);
        await h.CatchUpAsync();
        Assert.Equal(first.Count, (await h.RowsAsync()).Count);
    }
}
