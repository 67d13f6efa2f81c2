using System.Net;
using System.Net.Sockets;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Queries;
using ATTT.Monitor.Collector.Tests.Dashboard.Support;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Dashboard;

/// <summary>The outbox's dead letters page: a province admin lists and requeues them; nobody else sees it.</summary>
public sealed class DeadLetterPageTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ProvinceAdmin_SeesANoticeThatCouldNotBeDelivered_AndQueuesItAgain()
    {
        // A mail server that refuses connections: a loopback port nobody listens on.
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        await using var server = await DashboardServer.StartAsync(true,
            "--Notifications:Contacts:0:Id=congan",
            "--Notifications:Contacts:0:Name=Công an tỉnh <b>x</b>",
            "--Notifications:Contacts:0:Email=anm@congan.example.vn",
            "--Notifications:Routes:0:Name=tất cả",
            "--Notifications:Routes:0:MinSeverity=Low",
            "--Notifications:Routes:0:To:0=congan",
            "--Notifications:Smtp:Host=127.0.0.1",
            $"--Notifications:Smtp:Port={closedPort}",
            "--Notifications:Sender:GiveUpAfter=00:00:00.001",
            "--Notifications:Sender:ImmediateRetries=1",
            "--Notifications:Sender:ImmediateRetryDelay=00:00:00.010",
            "--Notifications:Sender:BaseBackoff=00:00:00.050",
            "--Notifications:Sender:MaxBackoff=00:00:00.100");
        await server.App.Services.GetRequiredService<IncidentManager>().RecordDetectionsAsync([Hits.Brute(1, server.Clock.GetUtcNow(), "PC-01", DashboardServer.CommuneA, level: "high")], Ct);
        var queries = server.App.Services.GetRequiredService<INotificationQueries>();
        var dead = await Eventually.ValueAsync(() => queries.GetDeadLettersAsync(10, Ct), d => d.Count > 0, "the notice to become a dead letter");
        var letter = dead[0];
        using var admin = await server.SignInAsync("admin");
        var html = await admin.GetStringAsync("/notifications/dead-letters");
        Assert.Contains("anm@congan.example.vn", html, StringComparison.Ordinal);
        Assert.Contains("Công an tỉnh &lt;b&gt;x&lt;/b&gt;", html, StringComparison.Ordinal);
        var requeue = await admin.PostFormAsync("/notifications/dead-letters", "/notifications/dead-letters?handler=Requeue", new() { ["id"] = letter.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, requeue.StatusCode);
        var audit = await server.App.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Area = "notifications", Target = $"outbox:{letter.Id}" }, Ct);
        Assert.Contains(audit, a => a.Action == "outbox_requeued" && a.Actor == "admin");
        var missing = await admin.PostFormAsync("/notifications/dead-letters", "/notifications/dead-letters?handler=Requeue", new() { ["id"] = "999999" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // The server still refuses: the message is undelivered again, shown on the overview, and only the admin gives it up.
        await Eventually.UntilAsync(async () => (await queries.GetDeadLettersAsync(10, Ct)).Any(d => d.Id == letter.Id), "the requeued notice to be undelivered again");
        Assert.Contains("id=\"notices-undelivered\"", await admin.GetStringAsync("/"), StringComparison.Ordinal);
        var giveUp = await admin.PostFormAsync("/notifications/dead-letters", "/notifications/dead-letters?handler=GiveUp", new() { ["id"] = letter.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, giveUp.StatusCode);
        Assert.DoesNotContain(await queries.GetDeadLettersAsync(10, Ct), d => d.Id == letter.Id);
        Assert.Equal(1, (await queries.GetOutboxCountsAsync(Ct))["given_up"]);
        audit = await server.App.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Area = "notifications", Target = $"outbox:{letter.Id}" }, Ct);
        Assert.Contains(audit, a => a.Action == "outbox_given_up" && a.Actor == "admin");

        foreach (var user in new[] { "xem", "canbo.a", "dieuphoi" })
        {
            using var other = await server.SignInAsync(user);
            var page = await other.GetAsync("/notifications/dead-letters");
            Assert.Contains("/forbidden", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }
}
