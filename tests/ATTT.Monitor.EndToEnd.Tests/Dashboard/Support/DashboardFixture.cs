namespace ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;

/// <summary>The dashboard site as <see cref="DashboardSite"/> starts it, with one chromium.</summary>
public sealed class DashboardFixture : BrowserSiteFixture;
