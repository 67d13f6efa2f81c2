using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Playbooks;

namespace ATTT.Monitor.Collector.Drills;

/// <summary>
/// What the dashboard does with playbooks and drills: list and run drills, sign off steps, write
/// lessons, get after-action reports (HTML, CSV), and for a real incident the playbooks that answer
/// it with their steps to tick off. Values are raw text: encode them when rendering.
/// </summary>
public interface IDrillService
{
    IReadOnlyList<Playbook> Playbooks { get; }

    /// <summary>The schedule a playbook is drilled on (after configuration overrides) and its next time, if any.</summary>
    (DrillSchedule? Schedule, DateTimeOffset? Next) ScheduleOf(string playbookId);

    /// <summary>History of drills, newest first; <paramref name="unit"/> null = all units.</summary>
    Task<IReadOnlyList<DrillRun>> HistoryAsync(string? unit, CancellationToken cancellationToken);

    /// <summary>
    /// Asks the collector to run a drill now; returns the run id (status 'requested', then running).
    /// The caller must reach the unit the playbook runs in (<see cref="AdministrationPolicy.StartDrill"/>):
    /// a refusal is audited and throws <see cref="AccessRefusedException"/>.
    /// </summary>
    Task<long> RunNowAsync(Caller caller, string playbookId, CancellationToken cancellationToken);

    Task SignOffStepAsync(long runId, string stepId, string signedBy, string? note, CancellationToken cancellationToken);

    Task WriteLessonsAsync(long runId, string text, string writtenBy, CancellationToken cancellationToken);

    Task<DrillReport?> GetReportAsync(long runId, CancellationToken cancellationToken);

    /// <summary>Playbooks answering a real incident, by rule id first, then by category.</summary>
    IReadOnlyList<Playbook> PlaybooksForIncident(string category, string? ruleId);

    Task SignOffIncidentStepAsync(long incidentId, string playbookId, string stepId, string signedBy, string? note, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, (string By, DateTimeOffset At, string? Note)>> IncidentSignOffsAsync(long incidentId, string playbookId, CancellationToken cancellationToken);
}
