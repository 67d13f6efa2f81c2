using ATTT.Monitor.Collector.Hosting;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Dashboard.Support;

/// <summary>
/// The real collector host on Kestrel at 127.0.0.1 (free port) over a fresh data folder, with
/// accounts created before start: an administrator and officer of one commune, a viewer and an
/// officer of another. Every account's password is <see cref="Password"/>.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    public const string Password = "Mat-khau-thu-nghiem-1";
    public const string CommuneA = "Xã Sảng Mộc";
    public const string CommuneB = "Xã Vũ Chấn";

    private DashboardServer(WebApplication app, string dataDirectory, Uri baseAddress, TestClock clock)
    {
        App = app;
        Clock = clock;
        DataDirectory = dataDirectory;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }

    /// <summary>The collector's clock: a fixed start running at real speed, so no test depends on the day it runs.</summary>
    public TestClock Clock { get; }
    public string DataDirectory { get; }
    public Uri BaseAddress { get; }
    public UserStore Users => App.Services.GetRequiredService<UserStore>();

    public static async Task<DashboardServer> StartAsync(bool seedUsers = true, params string[] configuration)
    {
        var data = Path.Combine(Path.GetTempPath(), "attt-dash-" + Guid.NewGuid().ToString("N"));
        var clock = new TestClock();
        var app = CollectorHost.Build(new ServeOptions(data, "http://127.0.0.1:0", null), configuration, services => services.UseClock(clock));
        await app.Services.GetRequiredService<EmbeddedDatabase>().InitializeAsync();
        if (seedUsers)
        {
            var users = app.Services.GetRequiredService<UserStore>();
            await users.CreateAsync("admin", "Quản trị tỉnh", UserRoles.Admin, null, Password, false, default);
            await users.CreateAsync("canbo.a", "Nguyễn Văn An", UserRoles.Officer, CommuneA, Password, false, default);
            await users.CreateAsync("canbo.b", "Trần Thị Bình", UserRoles.Officer, CommuneB, Password, false, default);
            await users.CreateAsync("xem", "Công an tỉnh", UserRoles.Viewer, null, Password, false, default);
            await users.CreateAsync("dieuphoi", "Lê Điều Phối", UserRoles.Coordinator, CommuneA, Password, false, default);
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DashboardServer(app, data, new Uri(address), clock);
    }

    public async Task<DashboardClient> SignInAsync(string userName, string password = Password)
    {
        var client = new DashboardClient(BaseAddress);
        await client.SignInAsync(userName, password);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine only leaves a temp folder behind.
        }
    }
}
