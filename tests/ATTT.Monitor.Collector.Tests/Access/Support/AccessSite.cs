using System.Globalization;
using System.Net;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Drills;
using ATTT.Monitor.Collector.Reports;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Suppression;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Tests.Dashboard.Support;
using ATTT.Monitor.Collector.Tests.Support;
using ATTT.Monitor.Collector.Users;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Access.Support;

/// <summary>
/// The real collector (<see cref="CollectorTestHost"/>: Kestrel on 127.0.0.1, SQLite on disk) with one
/// account per role and unit: province administrator and viewer, an administrator, officer and
/// coordinator of commune A, an administrator and officer of commune B, a commune-A officer still on a
/// one-time password, and one bystander per commune that tests change and reset. One incident of
/// each commune exists. Every password is <see cref="DashboardServer.Password"/>.
/// </summary>
internal sealed class AccessSite : IAsyncDisposable
{
    public const string UnitA = "xa-sang-moc";
    public const string UnitB = "xa-vu-chan";

    public const string ProvinceAdmin = "tinh.quantri";
    public const string ProvinceViewer = "tinh.xem";
    public const string AdminA = "quantri.a";
    public const string OfficerA = "canbo.a";
    public const string CoordinatorA = "dieuphoi.a";
    public const string AdminB = "quantri.b";
    public const string OfficerB = "canbo.b";
    public const string OneTimeA = "moi.a";
    public const string BystanderA = "nhanvien.a";
    public const string BystanderB = "nhanvien.b";

    /// <summary>The playbook started by matrix requests (run in <see cref="UnitA"/>, the drills' default unit here) and one of its steps.</summary>
    public const string Playbook = "ma-doc-may-tram";
    public const string PlaybookStep = "cach-ly-may";

    private readonly CollectorTestHost _host;
    private readonly TempFolder _rules;

    private AccessSite(CollectorTestHost host, TempFolder rules)
    {
        _host = host;
        _rules = rules;
    }

    public IServiceProvider Services => _host.Services;
    public Uri BaseAddress => _host.BaseAddress;
    public UserStore Users => Services.GetRequiredService<UserStore>();
    public IAuditLog Audit => Services.GetRequiredService<IAuditLog>();

    /// <summary>The id of the incident of <see cref="UnitA"/> and of <see cref="UnitB"/>.</summary>
    public long IncidentA { get; private set; }
    public long IncidentB { get; private set; }

    /// <summary>A PC, a drill run, a false-positive filter and a report draft (of incident A) of <see cref="UnitA"/>.</summary>
    public string PcA { get; private set; } = "";
    public long RunA { get; private set; }
    public long FilterA { get; private set; }
    public long ReportA { get; private set; }

    public static async Task<AccessSite> StartAsync(params string[] settings)
    {
        var rules = new TempFolder();
        File.WriteAllText(Path.Combine(rules.Path, "failed.yml"), TestRules.FailedLogon());
        CollectorTestHost host;
        try
        {
            host = await CollectorTestHost.StartAsync(new CollectorTestHostOptions
            {
                Settings =
                [
                    $"--Detection:RulePaths:0={rules.Path}", $"--Drills:PlaybooksPath={RepositoryPaths.Playbooks}",
                    "--Drills:SchedulerEnabled=false", $"--Drills:DefaultUnit={UnitA}", .. settings,
                ],
                BeforeStart = SeedAsync,
            });
        }
        catch
        {
            rules.Dispose();
            throw;
        }

        var site = new AccessSite(host, rules);
        try
        {
            var incidents = site.Services.GetRequiredService<IIncidentService>();
            var all = await incidents.QueryAsync(new IncidentQuery(), UnitScope.All, CancellationToken.None);
            site.IncidentA = all.Items.Single(i => i.Unit == UnitA).Id;
            site.IncidentB = all.Items.Single(i => i.Unit == UnitB).Id;
            site.Services.GetRequiredService<RuleCatalog>().EnsureLoaded();
            site.PcA = (await site.Services.GetRequiredService<IAgentRegistry>().EnrollInternalAsync(UnitA, "PC-A", false, CancellationToken.None)).Agent.AgentId;
            site.RunA = await site.Services.GetRequiredService<DrillRunStore>().StartManualAsync(Playbook, UnitA, CancellationToken.None);
            site.FilterA = (await site.Services.GetRequiredService<SuppressionStore>().AddFilterAsync(
                TestRules.FailedLogonId, UnitA, [new FilterCondition(FilterCondition.HostField, FilterOperators.Exact, "PC-A")], "máy thử nghiệm", Caller.System, CancellationToken.None)).Id;
            site.ReportA = (await site.Services.GetRequiredService<IReportService>().CreateDraftAsync(site.IncidentA, ReportForm.Initial, CancellationToken.None)).Id;
            return site;
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }
    }

    private static async Task SeedAsync(IServiceProvider services)
    {
        var users = services.GetRequiredService<UserStore>();
        foreach (var (name, role, unit, mustChange) in Accounts)
            await users.CreateAsync(Caller.System, name, "Người dùng " + name, role, unit, DashboardServer.Password, mustChange, CancellationToken.None);
        await services.GetRequiredService<IncidentManager>().RecordDetectionsAsync(
            [Hits.Brute(1, Hits.T0, host: "PC-A", unit: UnitA), Hits.Brute(2, Hits.T0, host: "PC-B", unit: UnitB)], CancellationToken.None);
    }

    public static IReadOnlyList<(string Name, string Role, string? Unit, bool MustChange)> Accounts { get; } =
    [
        (ProvinceAdmin, UserRoles.Admin, null, false),
        (ProvinceViewer, UserRoles.Viewer, null, false),
        (AdminA, UserRoles.Admin, UnitA, false),
        (OfficerA, UserRoles.Officer, UnitA, false),
        (CoordinatorA, UserRoles.Coordinator, UnitA, false),
        (AdminB, UserRoles.Admin, UnitB, false),
        (OfficerB, UserRoles.Officer, UnitB, false),
        (OneTimeA, UserRoles.Officer, UnitA, true),
        (BystanderA, UserRoles.Officer, UnitA, false),
        (BystanderB, UserRoles.Officer, UnitB, false),
    ];

    public async Task<DashboardClient> SignInAsync(string userName)
    {
        var client = new DashboardClient(BaseAddress);
        var response = await client.SignInAsync(userName, DashboardServer.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async Task<DashboardUser> UserAsync(string userName) =>
        await Users.FindByNameAsync(userName, CancellationToken.None) ?? throw new InvalidOperationException("no account " + userName);

    /// <summary>Fills the placeholders of a matrix request ({incident}, {pc}, ...) with the seeded targets.</summary>
    public async Task<string> FillAsync(string text, string? caller) => text
        .Replace("{incident}", IncidentA.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{pc}", Uri.EscapeDataString(PcA), StringComparison.Ordinal)
        .Replace("{run}", RunA.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{report}", ReportA.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{filter}", FilterA.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{rule}", TestRules.FailedLogonId, StringComparison.Ordinal)
        .Replace("{playbook}", Playbook, StringComparison.Ordinal)
        .Replace("{step}", PlaybookStep, StringComparison.Ordinal)
        .Replace("{caller}", caller ?? "anon", StringComparison.Ordinal)
        .Replace("{bystander}", text.Contains("{bystander}", StringComparison.Ordinal) ? (await UserAsync(BystanderA)).Id.ToString(CultureInfo.InvariantCulture) : "", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _rules.Dispose();
    }
}
