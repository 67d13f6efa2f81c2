using ATTT.Monitor.Collector.Dashboard.Charts;
using ATTT.Monitor.Collector.Dashboard.Localization;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Users;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ATTT.Monitor.Collector.Dashboard.Pages;

/// <summary>
/// The overview. Each panel reads the service of the area that owns its data; an area not built
/// in this version leaves its service unregistered and the panel says so instead of showing
/// invented numbers.
/// </summary>
public sealed class IndexModel(IServiceProvider services, DashboardText text, TimeProvider time) : PageModel
{
    public static readonly TimeSpan SilentAfter = TimeSpan.FromHours(1);

    public IReadOnlyList<AgentInfo>? Agents { get; private set; }
    public int Online { get; private set; }
    public int Silent { get; private set; }
    public int NeverSeen { get; private set; }
    public BarChart? EventsPerHour { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var units = User.VisibleUnits();
        var now = time.GetUtcNow();
        if (services.GetService<IAgentRegistry>() is { } registry)
        {
            Agents = (await registry.ListAsync(units, cancellationToken)).Where(a => !a.Revoked && !a.IsDrill).ToList();
            Online = Agents.Count(a => a.LastSeenAt is { } seen && now - seen <= SilentAfter);
            Silent = Agents.Count(a => a.LastSeenAt is { } seen && now - seen > SilentAfter);
            NeverSeen = Agents.Count(a => a.LastSeenAt is null);
        }

        if (services.GetService<IEventStore>() is { } events)
        {
            var firstHour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(-23);
            var counts = (await events.CountPerHourAsync(firstHour, units, cancellationToken)).ToDictionary(c => c.Hour.ToUniversalTime(), c => c.Count);
            var points = Enumerable.Range(0, 24)
                .Select(i => firstHour.AddHours(i))
                .Select(h => (DashboardClock.ToLocal(h).ToString("HH'h'", System.Globalization.CultureInfo.InvariantCulture), counts.GetValueOrDefault(h)))
                .ToList();
            EventsPerHour = BarChart.Build(text["Overview.EventsPerHour"], points, labelEvery: 3);
        }
    }
}
