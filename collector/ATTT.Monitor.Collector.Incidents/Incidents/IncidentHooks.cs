using Microsoft.Data.Sqlite;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>Hands a change to every registered <see cref="IIncidentTransactionHook"/> inside the change's transaction.</summary>
internal static class IncidentHooks
{
    public static IncidentChange ToChange(IncidentChangeKind kind, Incident incident, string? actor, DateTimeOffset at) => new(
        kind, incident.Id, incident.Title, incident.RuleId, incident.RuleTitle, incident.Tags, incident.Category,
        incident.Severity, incident.State, incident.Unit, incident.Host, incident.FirstSeen, incident.LastSeen,
        incident.Count, incident.IsDrill, actor, at) { Explanation = incident.Explanation };

    /// <summary>A hook that throws rolls the whole change back: side effects and change stay together.</summary>
    public static async Task<IncidentChange> NotifyAsync(
        IReadOnlyList<IIncidentTransactionHook> hooks, IncidentChangeKind kind, Incident incident, string? actor, DateTimeOffset at,
        SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var change = ToChange(kind, incident, actor, at);
        foreach (var hook in hooks)
            await hook.OnIncidentChangedAsync(change, connection, transaction, cancellationToken).ConfigureAwait(false);
        return change;
    }
}
