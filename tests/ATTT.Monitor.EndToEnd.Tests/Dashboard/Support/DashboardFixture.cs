using Microsoft.Playwright;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;

/// <summary>One collector and one chromium per test class: starting them is the slow part.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    private Browser? _browser;
    private DashboardSite? _site;

    public DashboardSite Site => _site ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync()
    {
        _site = await DashboardSite.StartAsync();
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
            Assert.Skip($"{Browser.ChromiumPath} is not installed; run scripts/install-test-deps.sh");
        return await _browser.NewPageAsync(Site.BaseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        if (_site is not null)
            await _site.DisposeAsync();
    }
}
