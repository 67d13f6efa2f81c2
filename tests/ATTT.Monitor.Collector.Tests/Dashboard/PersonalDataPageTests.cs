using System.Net;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Deadlines;
using ATTT.Monitor.Collector.Tests.Dashboard.Support;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Dashboard;

/// <summary>
/// The incident page's personal-data breach action over HTTP: an administrator records it (post,
/// redirect, get; reloading repeats nothing), the page then shows when it became known and what data,
/// the 72 h clock starts at that moment; an officer sees no form and is refused if they post anyway.
/// </summary>
public sealed class PersonalDataPageTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_administrator_records_the_breach_once_and_its_clock_starts_then_an_officer_is_refused()
    {
        await using var server = await DashboardServer.StartAsync();
        server.Clock.Freeze();
        var detected = server.Clock.GetUtcNow();
        var id = (await server.App.Services.GetRequiredService<IncidentManager>().RecordDetectionsAsync(
            [Hits.Brute(1, detected.AddDays(-2), "PC-01", DashboardServer.CommuneA, level: "high")], Ct))[0].IncidentId;
        var page = $"/incidents/{id}";
        // 30 hours later, on a whole second (the state database keeps times to the microsecond).
        server.Clock.Advance(TimeSpan.FromHours(30) + TimeSpan.FromTicks(TimeSpan.TicksPerSecond - (server.Clock.GetUtcNow().Ticks % TimeSpan.TicksPerSecond)));
        var known = server.Clock.GetUtcNow();

        using var officer = await server.SignInAsync("canbo.a");
        Assert.DoesNotContain("handler=PersonalData", await officer.GetStringAsync(page), StringComparison.Ordinal);
        var refused = await officer.PostFormAsync(page, page + "?handler=PersonalData", new() { ["note"] = "họ tên" });
        Assert.Contains("/forbidden", refused.Headers.Location?.OriginalString ?? refused.StatusCode.ToString(), StringComparison.Ordinal);

        using var admin = await server.SignInAsync("admin");
        var form = await admin.GetStringAsync(page);
        Assert.Contains("handler=PersonalData", form, StringComparison.Ordinal);
        var response = await admin.PostFormAsync(page, page + "?handler=PersonalData", new() { ["note"] = "Họ tên, số CCCD của 120 người dân <b>x</b>" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith(page, location, StringComparison.Ordinal);
        for (var reload = 0; reload < 2; reload++)
        {
            var shown = await admin.GetStringAsync(location);
            Assert.Contains("Đã ghi nhận vi phạm dữ liệu cá nhân; thời hạn 72 giờ bắt đầu từ lúc này.", shown, StringComparison.Ordinal);
            Assert.Contains("Họ tên, số CCCD của 120 người dân &lt;b&gt;x&lt;/b&gt;", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("handler=PersonalData", shown, StringComparison.Ordinal);
        }

        var clock = server.App.Services.GetRequiredService<IDeadlineClock>();
        var data = await Eventually.ValueAsync(
            async () => (await clock.GetAsync(id, Ct)).SingleOrDefault(c => c.Key == DeadlinePolicy.DataProtection.Key),
            c => c is not null, "the data-protection clock to be planned");
        Assert.Equal((known, known.AddHours(72)), (data!.StartsAt, data.DueAt));

        // Posting again (a second tab, a resubmitted form) keeps the first mark and says so.
        server.Clock.Advance(TimeSpan.FromHours(1));
        var again = await admin.PostFormAsync(page, page + "?handler=PersonalData", new() { ["note"] = "khác" });
        Assert.Contains("Sự cố đã được ghi nhận là vi phạm dữ liệu cá nhân từ trước; thời hạn giữ nguyên.", await admin.ReadAfterRedirectAsync(again), StringComparison.Ordinal);
        var detail = await server.App.Services.GetRequiredService<IIncidentService>().GetAsync(id, UnitScope.All, Ct);
        Assert.Equal(known, detail!.PersonalDataBreach!.KnownAt);
        var audit = await server.App.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Area = IncidentsSchema.Area, Target = IncidentTarget.Of(id) }, Ct);
        Assert.Single(audit, a => a.Action == IncidentService.PersonalDataAction && a.Actor == "admin");
        Assert.Contains(audit, a => a.Actor == "canbo.a" && a.Details!.StartsWith(IncidentService.PersonalDataAction, StringComparison.Ordinal));
        Assert.Equal(known, (await clock.GetAsync(id, Ct)).Single(c => c.Key == DeadlinePolicy.DataProtection.Key).StartsAt);
    }
}
