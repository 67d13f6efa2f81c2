using ATTT.Monitor.Collector.Dashboard.Charts;
using ATTT.Monitor.Collector.Dashboard.Localization;
using ATTT.Monitor.Collector.Dashboard.Workstations;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Notifications.Deadlines;
using ATTT.Monitor.Collector.Notifications.Queries;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Users;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Dashboard.Pages;

/// <summary>
/// The overview. Each panel reads the service of the area that owns its data; an area not built
/// in this version leaves its service unregistered and the panel says so instead of showing
/// invented numbers.
/// </summary>
public sealed class IndexModel(
    IEventStore eventStore, IIncidentService incidentService, IDeadlineClock deadlineClock, NotificationHealth notificationHealth, PcDirectory pcs, DashboardText text, TimeProvider time) : PageModel
{
    /// <summary>Active PCs (not revoked) of the user's units; null when the registry is not available.</summary>
    public IReadOnlyList<PcSummary>? Pcs { get; private set; }
    public int Online { get; private set; }
    public int Silent { get; private set; }
    public int NeverSeen { get; private set; }

    /// <summary>Minutes without contact after which a PC counts as silent (the posture area's threshold).</summary>
    public int SilentMinutes => (int)pcs.SilentAfter.TotalMinutes;

    /// <summary>Days after which signatures count as old (the posture area's threshold).</summary>
    public string SignatureMaxDays => pcs.SignatureMaxAge.TotalDays.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Active PCs per antivirus class; null when the posture area is not available.</summary>
    public IReadOnlyList<(PostureClass Class, int Count)>? Coverage { get; private set; }
    public BarChart? EventsPerHour { get; private set; }
    public IncidentCounts? Counts { get; private set; }
    public BarChart? IncidentsPerDay { get; private set; }
    public IReadOnlyList<DeadlineStatus>? Deadlines { get; private set; }

    /// <summary>Broken templates, stuck journal readers, undelivered messages; null when the notifications area is not available.</summary>
    public NotificationHealthReport? Notices { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var units = User.VisibleUnits();
        var now = time.GetUtcNow();
        if (notificationHealth is { } health)
            Notices = await health.GetAsync(cancellationToken);
        if (await pcs.ListAsync(User, cancellationToken) is { } all)
        {
            Pcs = all.Where(p => p.Status != PcStatus.Revoked).ToList();
            Online = Pcs.Count(p => p.Status == PcStatus.Online);
            Silent = Pcs.Count(p => p.Status == PcStatus.Silent);
            NeverSeen = Pcs.Count(p => p.Status == PcStatus.NeverSeen);
            if (pcs.HasPosture)
                Coverage = PostureClasses.All.Select(c => (c, Pcs.Count(p => p.Class == c))).ToList();
        }

        if (eventStore is { } events)
        {
            var firstHour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(-23);
            var counts = (await events.CountPerHourAsync(firstHour, units, cancellationToken)).ToDictionary(c => c.Hour.ToUniversalTime(), c => c.Count);
            var points = Enumerable.Range(0, 24)
                .Select(i => firstHour.AddHours(i))
                .Select(h => (DashboardClock.ToLocal(h).ToString("HH'h'", System.Globalization.CultureInfo.InvariantCulture), counts.GetValueOrDefault(h)))
                .ToList();
            EventsPerHour = BarChart.Build(text["Overview.EventsPerHour"], points, labelEvery: 3);
        }

        if (incidentService is { } incidents)
        {
            var scope = UnitScope.FromUser(User);
            Counts = await incidents.CountAsync(scope, drill: false, cancellationToken);
            IncidentsPerDay = await BuildIncidentsPerDayAsync(incidents, scope, now, cancellationToken);
            if (deadlineClock is { } clock)
            {
                // The clock lists every unit's deadlines; keep those of incidents this user may see.
                var visible = new List<DeadlineStatus>();
                foreach (var deadline in await clock.GetOpenAsync(50, cancellationToken))
                {
                    if (visible.Count < 10 && (scope.IsAll || await incidents.GetAsync(deadline.IncidentId, scope, cancellationToken) is not null))
                        visible.Add(deadline);
                }

                Deadlines = visible;
            }
        }
    }

    /// <summary>
    /// Incidents by the Vietnamese day they were detected (opened), over the last 30 days. Not by the
    /// time of their events: a replayed or late-forwarded log would put today's incidents on old days.
    /// </summary>
    private async Task<BarChart> BuildIncidentsPerDayAsync(IIncidentService incidents, UnitScope scope, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DashboardClock.ToLocal(now).Date;
        var firstDay = today.AddDays(-29);
        var from = new DateTimeOffset(firstDay, TimeSpan.FromHours(7));
        var perDay = new Dictionary<DateTime, long>();
        // Bounded: a province with more than 20 000 incidents a month has bigger problems than this chart.
        for (var offset = 0; offset < 20_000; offset += 500)
        {
            var page = await incidents.QueryAsync(new IncidentQuery { DetectedFrom = from, Drill = false, Offset = offset, Limit = 500 }, scope, cancellationToken);
            foreach (var incident in page.Items)
            {
                var day = DashboardClock.ToLocal(incident.CreatedAt).Date;
                perDay[day] = perDay.GetValueOrDefault(day) + 1;
            }

            if (offset + page.Items.Count >= page.Total || page.Items.Count == 0)
                break;
        }

        var points = Enumerable.Range(0, 30)
            .Select(i => firstDay.AddDays(i))
            .Select(d => (d.ToString("dd/MM", System.Globalization.CultureInfo.InvariantCulture), perDay.GetValueOrDefault(d)))
            .ToList();
        return BarChart.Build(text["Overview.IncidentsPerDay"], points, labelEvery: 5);
    }
}
