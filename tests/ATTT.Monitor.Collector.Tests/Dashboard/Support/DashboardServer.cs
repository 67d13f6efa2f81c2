using ATTT.Monitor.Collector.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Tests.Dashboard.Support;

/// <summary>
/// The real collector (<see cref="CollectorTestHost"/>) on Kestrel at 127.0.0.1 over a fresh data folder, with
/// accounts created before start: an administrator and officer of one commune, a viewer and an
/// officer of another. Every account's password is <see cref="Password"/>.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    public const string Password = "Mat-khau-thu-nghiem-1";
    public const string CommuneA = "Xã Sảng Mộc";
    public const string CommuneB = "Xã Vũ Chấn";

    private readonly CollectorTestHost _host;

    private DashboardServer(CollectorTestHost host, TestClock clock)
    {
        _host = host;
        Clock = clock;
    }

    public WebApplication App => _host.App;

    /// <summary>The collector's clock: a fixed start running at real speed, so no test depends on the day it runs.</summary>
    public TestClock Clock { get; }
    public string DataDirectory => _host.DataDirectory;
    public Uri BaseAddress => _host.BaseAddress;
    public UserStore Users => App.Services.GetRequiredService<UserStore>();

    public static async Task<DashboardServer> StartAsync(bool seedUsers = true, params string[] configuration)
    {
        var clock = new TestClock();
        var host = await CollectorTestHost.StartAsync(new CollectorTestHostOptions
        {
            Settings = configuration,
            Clock = clock,
            BeforeStart = seedUsers ? SeedUsersAsync : null,
        });
        return new DashboardServer(host, clock);
    }

    private static async Task SeedUsersAsync(IServiceProvider services)
    {
        var users = services.GetRequiredService<UserStore>();
        await users.CreateAsync(Caller.System, "admin", "Quản trị tỉnh", UserRoles.Admin, null, Password, false, default);
        await users.CreateAsync(Caller.System, "canbo.a", "Nguyễn Văn An", UserRoles.Officer, CommuneA, Password, false, default);
        await users.CreateAsync(Caller.System, "canbo.b", "Trần Thị Bình", UserRoles.Officer, CommuneB, Password, false, default);
        await users.CreateAsync(Caller.System, "xem", "Công an tỉnh", UserRoles.Viewer, null, Password, false, default);
        await users.CreateAsync(Caller.System, "dieuphoi", "Lê Điều Phối", UserRoles.Coordinator, CommuneA, Password, false, default);
    }

    public async Task<DashboardClient> SignInAsync(string userName, string password = Password)
    {
        var client = new DashboardClient(BaseAddress);
        await client.SignInAsync(userName, password);
        return client;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
