using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// What the dashboard (server-rendered pages) and the JSON API do with incidents. Every call takes
/// the caller's <see cref="UnitScope"/>: an incident outside it behaves as if it did not exist
/// (<see cref="IncidentNotFoundException"/>). Commands are audited with <c>actor</c> and write the
/// incident journal in the same transaction (notifications and drills read it afterwards).
/// </summary>
public interface IIncidentService
{
    Task<IncidentPage> QueryAsync(IncidentQuery query, UnitScope scope, CancellationToken cancellationToken);

    /// <summary>Counts of incidents per state and per severity (dashboard tiles).</summary>
    Task<IncidentCounts> CountAsync(UnitScope scope, bool drill, CancellationToken cancellationToken);

    /// <summary>The incident with matched events, comments and audit trail; null when absent or out of scope.</summary>
    Task<IncidentDetail?> GetAsync(long id, UnitScope scope, CancellationToken cancellationToken);

    /// <summary>Assigns to <paramref name="assignee"/> (null or empty: unassigns).</summary>
    Task<Incident> AssignAsync(long id, string? assignee, string actor, UnitScope scope, CancellationToken cancellationToken);

    Task<IncidentComment> CommentAsync(long id, string text, string actor, UnitScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// Moves to <paramref name="state"/> if <see cref="IncidentTransitions"/> allows it
    /// (<see cref="InvalidIncidentCommandException"/> otherwise); a non-empty <paramref name="note"/>
    /// is also kept as a comment.
    /// </summary>
    Task<Incident> ChangeStateAsync(long id, IncidentState state, string? note, string actor, UnitScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the incident is a personal-data breach known from now, with a short
    /// <paramref name="note"/> of what data (the data-protection clock starts at this moment). Only an
    /// administrator of the incident's unit or of the province may (<see cref="AccessRefusedException"/>,
    /// audited, otherwise); an incident already marked keeps its first mark, which is returned.
    /// </summary>
    Task<PersonalDataBreach> MarkPersonalDataBreachAsync(long id, string? note, Caller caller, CancellationToken cancellationToken);
}
