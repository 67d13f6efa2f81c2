using System.Net;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Incidents.Journal;
using ATTT.Monitor.Collector.Notifications;
using ATTT.Monitor.Collector.Notifications.Queries;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Collector.Tests.Notifications;

/// <summary>The confirmation endpoints on Kestrel (loopback), as MapNotifications maps them.</summary>
public sealed class AckEndpointTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_only_shows_a_page_and_post_records_who_confirmed()
    {
        await using var site = await Site.StartAsync(requestsPerMinute: 30);
        var token = await site.OpenIncidentAndGetPoliceTokenAsync();
        using var http = new HttpClient { BaseAddress = site.Address };

        var page = await http.GetAsync($"/notifications/ack/{token}", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("utf-8", page.Content.Headers.ContentType?.CharSet);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Xác nhận đã nhận thông báo", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\">", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        var queries = site.App.Services.GetRequiredService<INotificationQueries>();
        Assert.Empty(await queries.GetAcknowledgementsAsync(1, Ct));

        var post = await http.PostAsync($"/notifications/ack/{token}", new FormUrlEncodedContent([new("by", "Trần Thị Bình")]), Ct);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("Trần Thị Bình", await post.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var ack = Assert.Single(await queries.GetAcknowledgementsAsync(1, Ct));
        Assert.Equal("Trần Thị Bình", ack.ConfirmedBy);
        Assert.Equal(NotificationSettings.Police, ack.RecipientEmail);

        // A second confirmation keeps the first.
        await http.PostAsync($"/notifications/ack/{token}", new FormUrlEncodedContent([new("by", "Người khác")]), Ct);
        Assert.Equal("Trần Thị Bình", Assert.Single(await queries.GetAcknowledgementsAsync(1, Ct)).ConfirmedBy);
    }

    [Fact]
    public async Task A_tampered_token_is_refused_and_requests_are_rate_limited()
    {
        await using var site = await Site.StartAsync(requestsPerMinute: 3);
        var token = await site.OpenIncidentAndGetPoliceTokenAsync();
        using var http = new HttpClient { BaseAddress = site.Address };

        var tampered = "x" + token[1..];
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync($"/notifications/ack/{tampered}", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/notifications/ack/garbage", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/notifications/ack/{token}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.GetAsync($"/notifications/ack/{token}", Ct)).StatusCode);
        Assert.Empty(await site.App.Services.GetRequiredService<INotificationQueries>().GetAcknowledgementsAsync(1, Ct));
    }

    private sealed class Site : IAsyncDisposable
    {
        private readonly TempFolder _folder = new();

        private Site(int requestsPerMinute)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            var settings = NotificationSettings.Default();
            settings["Notifications:Acknowledgement:RequestsPerMinute"] = requestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
            builder.Configuration.AddInMemoryCollection(settings);
            var data = new DataDirectoryOptions { Path = Path.Combine(_folder.Path, "data") };
            builder.Services.AddSingleton(data);
            builder.Services.AddSingleton(sp => new EmbeddedDatabase(data.StateDatabasePath, sp.GetServices<ISchemaMigration>()));
            foreach (var migration in IncidentsSchema.Migrations)
                builder.Services.AddSingleton(migration);
            builder.Services.AddSingleton<IncidentJournalReaders>();
            builder.Services.AddNotifications(builder.Configuration);
            App = builder.Build();
            App.MapNotifications();
        }

        public WebApplication App { get; }

        public Uri Address => new(App.Urls.First());

        public static async Task<Site> StartAsync(int requestsPerMinute)
        {
            var site = new Site(requestsPerMinute);
            await site.App.Services.GetRequiredService<EmbeddedDatabase>().InitializeAsync(Ct);
            await site.App.StartAsync(Ct);
            return site;
        }

        public async Task<string> OpenIncidentAndGetPoliceTokenAsync()
        {
            var db = App.Services.GetRequiredService<EmbeddedDatabase>();
            await using (var connection = await db.OpenAsync(Ct))
            await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(Ct))
            {
                var change = IncidentChanges.Opened(severity: IncidentSeverity.Critical, title: "Sự cố <b>đậm</b>");
                await IncidentJournal.AppendAsync(change, connection, transaction, Ct);
                await transaction.CommitAsync(Ct);
            }

            await App.Services.GetRequiredService<IncidentJournalReaders>().CatchUpAsync(ATTT.Monitor.Collector.Notifications.Outbox.OutboxWriter.ReaderName, Ct);

            var rows = await App.Services.GetRequiredService<ATTT.Monitor.Collector.Notifications.Outbox.OutboxStore>()
                .QueryAsync($"recipient_email = '{NotificationSettings.Police}'", Ct);
            return AcknowledgementTests.TokenOf(Assert.Single(rows));
        }

        public async ValueTask DisposeAsync()
        {
            await App.StopAsync(CancellationToken.None);
            await App.DisposeAsync();
            SqliteConnection.ClearAllPools();
            _folder.Dispose();
        }
    }
}
