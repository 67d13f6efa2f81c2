using Microsoft.Playwright;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;

/// <summary>
/// One collector and one chromium per test class: starting them is the slow part. A fixture says how
/// its site starts and what it holds before the browser opens; signing in, new pages, the skip when
/// chromium is missing and the order of disposal are the same for all.
/// </summary>
public abstract class BrowserSiteFixture : IAsyncLifetime
{
    private Browser? _browser;
    private DashboardSite? _site;

    public DashboardSite Site => _site ?? throw new InvalidOperationException("not started");

    protected virtual Task<DashboardSite> StartSiteAsync() => DashboardSite.StartAsync();

    /// <summary>Fills the started site before the browser opens.</summary>
    protected virtual Task SeedAsync(DashboardSite site) => Task.CompletedTask;

    public async ValueTask InitializeAsync()
    {
        _site = await StartSiteAsync();
        await SeedAsync(_site);
        if (File.Exists(Browser.ChromiumPath))
            _browser = await Browser.LaunchAsync();
    }

    /// <summary>A new browser context signed in as <paramref name="userName"/>, on the overview.</summary>
    public async Task<IPage> SignInAsync(string userName)
    {
        var page = await NewPageAsync();
        await Navigation.SignInAsync(page, userName, DashboardSite.Password);
        return page;
    }

    public async Task<IPage> NewPageAsync()
    {
        if (_browser is null)
            Assert.Skip($"{Browser.ChromiumPath} is not installed; run scripts/install-deps.sh test");
        return await _browser.NewPageAsync(Site.BaseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        if (_site is not null)
            await _site.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
