using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Users;
using ATTT.Monitor.EndToEnd.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;

/// <summary>
/// The dashboard site of <see cref="DashboardFixture"/> with a SigmaHQ pack installed the operator's way,
/// <c>attt rules update --from FOLDER</c> in a separate process while the collector runs, and taken by the
/// running collector. The pack is SigmaHQ's Security and System rules from <c>../shared/sigma</c>, in a
/// folder whose name carries a release date. Adds an administrator of commune A.
/// </summary>
public sealed class InstalledPackFixture : IAsyncLifetime
{
    public const string PackName = "sigma_r2025-03-20";
    public const string PackDate = "2025-03-20";
    public const string CommuneAdmin = "quantri.a";

    private readonly DashboardFixture _dashboard = new();
    private readonly TempFolder _source = new("attt-e2e-pack");

    public DashboardSite Site => _dashboard.Site;

    public RuleCatalog Catalog => Site.App.Services.GetRequiredService<RuleCatalog>();

    public async ValueTask InitializeAsync()
    {
        await _dashboard.InitializeAsync();
        await Site.App.Services.GetRequiredService<UserStore>().CreateAsync(Caller.System, CommuneAdmin, "Phạm Quản Trị", UserRoles.Admin,
            DashboardSite.CommuneA, DashboardSite.Password, false, default);

        var pack = Path.Combine(_source.Path, PackName);
        foreach (var channel in new[] { "security", "system" })
            CopyFolder(Path.Combine(SharedData.Path, "sigma", "rules", "windows", "builtin", channel), Path.Combine(pack, "rules", "windows", "builtin", channel));
        var update = await AtttExecutable.RunCollectorCommandAsync("rules", "update", "--from", pack, "--data", Site.DataDirectory);
        Assert.True(update.ExitCode == 0, $"attt rules update exited {update.ExitCode}: {update.StandardOutput} {update.StandardError}");
        await Eventually.UntilAsync(() => Catalog.Status.Pack?.Manifest.Name == PackName, "the running collector to take the installed pack");
    }

    public Task<IPage> SignInAsync(string userName) => _dashboard.SignInAsync(userName);

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*.yml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _dashboard.DisposeAsync();
        _source.Dispose();
    }
}
