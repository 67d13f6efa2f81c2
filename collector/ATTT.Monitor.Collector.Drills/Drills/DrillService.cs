using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Playbooks;
using Quartz;

namespace ATTT.Monitor.Collector.Drills;

/// <inheritdoc cref="IDrillService"/>
internal sealed class DrillService(PlaybookCatalog catalog, DrillRunStore runs, DrillSignOffs signOffs, DrillReportBuilder reports, IAuditLog audit, TimeProvider time) : IDrillService
{
    private readonly AccessGuard _guard = new(audit, time);

    public IReadOnlyList<Playbook> Playbooks => catalog.Playbooks;

    public (DrillSchedule? Schedule, DateTimeOffset? Next) ScheduleOf(string playbookId)
    {
        if (catalog.Find(playbookId) is not { } playbook || catalog.ScheduleOf(playbook) is not { } schedule)
            return (null, null);
        var cron = CronExpression.Parse(schedule.Cron).WithTimeZone(TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone));
        return (schedule, cron.GetNextValidTimeAfter(time.GetUtcNow()));
    }

    public Task<IReadOnlyList<DrillRun>> HistoryAsync(string? unit, CancellationToken cancellationToken) =>
        runs.ListAsync(unit, null, cancellationToken);

    public async Task<long> RunNowAsync(Caller caller, string playbookId, CancellationToken cancellationToken)
    {
        var playbook = Require(playbookId);
        var unit = catalog.UnitOf(playbook);
        await _guard.DemandAsync(AdministrationPolicy.StartDrill(caller, unit), caller, "drills", "run_request", "playbook:" + playbook.Id, cancellationToken).ConfigureAwait(false);
        return await runs.RequestAsync(playbook.Id, unit, cancellationToken).ConfigureAwait(false);
    }

    public async Task SignOffStepAsync(long runId, string stepId, string signedBy, string? note, CancellationToken cancellationToken)
    {
        var run = await runs.GetAsync(runId, cancellationToken).ConfigureAwait(false) ?? throw new ArgumentException($"Không có lần diễn tập {runId}.", nameof(runId));
        var step = Require(run.PlaybookId).Steps.FirstOrDefault(s => s.Id == stepId) ?? throw new ArgumentException($"Kịch bản {run.PlaybookId} không có bước '{stepId}'.", nameof(stepId));
        await signOffs.SignOffDrillStepAsync(runId, step.Id, signedBy, step.Role, note, cancellationToken).ConfigureAwait(false);
    }

    public Task WriteLessonsAsync(long runId, string text, string writtenBy, CancellationToken cancellationToken) =>
        signOffs.WriteLessonsAsync(runId, text, writtenBy, cancellationToken);

    public Task<DrillReport?> GetReportAsync(long runId, CancellationToken cancellationToken) => reports.BuildAsync(runId, cancellationToken);

    public IReadOnlyList<Playbook> PlaybooksForIncident(string category, string? ruleId) => catalog.ForIncident(category, ruleId);

    public Task SignOffIncidentStepAsync(long incidentId, string playbookId, string stepId, string signedBy, string? note, CancellationToken cancellationToken)
    {
        if (Require(playbookId).Steps.All(s => s.Id != stepId))
            throw new ArgumentException($"Kịch bản {playbookId} không có bước '{stepId}'.", nameof(stepId));
        return signOffs.SignOffIncidentStepAsync(incidentId, playbookId, stepId, signedBy, note, cancellationToken);
    }

    public Task<IReadOnlyDictionary<string, (string By, DateTimeOffset At, string? Note)>> IncidentSignOffsAsync(long incidentId, string playbookId, CancellationToken cancellationToken) =>
        signOffs.GetAsync(null, incidentId, playbookId, cancellationToken);

    private Playbook Require(string playbookId) =>
        catalog.Find(playbookId) ?? throw new ArgumentException($"Không có kịch bản '{playbookId}'.", nameof(playbookId));
}
