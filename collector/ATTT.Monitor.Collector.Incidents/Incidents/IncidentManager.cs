using System.Globalization;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Incidents.Journal;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// Turns detections and posture conditions into incidents: groups detections of one rule on one host
/// within <see cref="IncidentsOptions.GroupingWindow"/>, keeps a bounded list of matched events, raises
/// severity, opens and clears condition incidents. Every change is written to the
/// incident journal inside the same transaction (<see cref="IncidentJournal"/>), and nothing else.
/// </summary>
public sealed class IncidentManager : IDetectionSink
{
    private readonly EmbeddedDatabase _database;
    private readonly IAuditLog _audit;
    private readonly IncidentsOptions _options;
    private readonly IncidentCategorizer _categorizer;
    private readonly TimeProvider _time;

    public IncidentManager(
        EmbeddedDatabase database, IAuditLog audit, IOptions<IncidentsOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _audit = audit;
        _options = options.Value;
        _categorizer = new IncidentCategorizer(_options);
        _time = time;
    }

    /// <summary>Records detections in a transaction of their own.</summary>
    public async Task<IReadOnlyList<IncidentChange>> RecordDetectionsAsync(IReadOnlyList<DetectionHit> hits, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var changes = await RecordDetectionsAsync(hits, connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changes;
    }

    Task IDetectionSink.RecordAsync(IReadOnlyList<DetectionHit> hits, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        RecordDetectionsAsync(hits, connection, transaction, cancellationToken);

    /// <summary>
    /// Records detections inside the caller's transaction (the pipeline commits them together with its
    /// checkpoint, so a crash re-evaluates a slice instead of losing or doubling it). Returns one
    /// change per detection, in order. Detections that join an incident already touched by this call
    /// are grouped in memory: its row and matched events are written once at the end, and the journal
    /// gets one Updated change for them; openings and severity rises are written and announced at once.
    /// </summary>
    public async Task<IReadOnlyList<IncidentChange>> RecordDetectionsAsync(
        IReadOnlyList<DetectionHit> hits, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hits);
        var changes = new List<IncidentChange>(hits.Count);
        var pending = new Dictionary<(string Key, string Unit, string Host, bool IsDrill), PendingIncident>();
        var now = _time.GetUtcNow();
        await using var statements = new SliceStatements(connection, transaction);
        foreach (var hit in hits)
        {
            var group = ("rule:" + hit.RuleId, hit.Unit, hit.Host, hit.IsDrill);
            if (pending.TryGetValue(group, out var incident) && !incident.Covers(hit.At, _options.GroupingWindow))
            {
                await FlushAsync(incident, now, statements, connection, transaction, cancellationToken).ConfigureAwait(false);
                pending.Remove(group);
                incident = null;
            }

            if (incident is null)
            {
                var current = await statements.FindOpenAsync(group.Item1, hit.Unit, hit.Host, hit.IsDrill, hit.At, _options.GroupingWindow, cancellationToken).ConfigureAwait(false);
                if (current is null)
                {
                    var opened = await OpenAsync(hit, group.Item1, now, connection, transaction, cancellationToken).ConfigureAwait(false);
                    pending[group] = new PendingIncident(opened);
                    changes.Add(IncidentJournal.ToChange(IncidentChangeKind.Opened, opened, null, now));
                    continue;
                }

                pending[group] = incident = new PendingIncident(current);
            }

            changes.Add(await AddAsync(incident, hit, now, statements, connection, transaction, cancellationToken).ConfigureAwait(false));
        }

        foreach (var incident in pending.Values)
            await FlushAsync(incident, now, statements, connection, transaction, cancellationToken).ConfigureAwait(false);
        return changes;
    }

    private async Task<Incident> OpenAsync(DetectionHit hit, string key, DateTimeOffset now, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var draft = new Incident(
            0, hit.RuleTitle, hit.RuleId, hit.RuleTitle, hit.Tags, _categorizer.Categorize(hit), IncidentText.FromRuleLevel(hit.RuleLevel), IncidentState.New,
            hit.Unit, hit.Host, hit.AgentId, hit.At, hit.At, 1, hit.IsDrill, null, hit.Description, now, now, null, null);
        var opened = await IncidentRows.InsertAsync(connection, transaction, key, draft, cancellationToken).ConfigureAwait(false);
        if (hit.EventId is { } id)
            await IncidentRows.AddEventAsync(connection, transaction, opened.Id, 1, id, _options.KeepFirstEvents, _options.KeepLastEvents, cancellationToken).ConfigureAwait(false);
        await AuditAsync("opened", opened, $"rule {hit.RuleId}", now, connection, transaction, cancellationToken).ConfigureAwait(false);
        await IncidentJournal.AppendAsync(IncidentChangeKind.Opened, opened, null, now, connection, transaction, cancellationToken).ConfigureAwait(false);
        return opened;
    }

    /// <summary>Adds a detection to an open incident in memory; a rise of severity is written and announced at once.</summary>
    private async Task<IncidentChange> AddAsync(
        PendingIncident incident, DetectionHit hit, DateTimeOffset now, SliceStatements statements, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var before = incident.Current;
        var severity = IncidentText.FromRuleLevel(hit.RuleLevel);
        var updated = before with
        {
            Count = before.Count + 1,
            FirstSeen = hit.At < before.FirstSeen ? hit.At : before.FirstSeen,
            LastSeen = hit.At > before.LastSeen ? hit.At : before.LastSeen,
            Severity = severity > before.Severity ? severity : before.Severity,
            UpdatedAt = now,
        };
        incident.Current = updated;
        if (hit.EventId is { } id)
            incident.NewEvents.Add((updated.Count, id));
        if (updated.Severity <= before.Severity)
            return IncidentJournal.ToChange(IncidentChangeKind.Updated, updated, null, now);

        await FlushAsync(incident, now, statements, connection, transaction, cancellationToken, announce: false).ConfigureAwait(false);
        await AuditAsync("severity_raised", updated, $"{before.Severity.ToText()} -> {updated.Severity.ToText()}", now, connection, transaction, cancellationToken).ConfigureAwait(false);
        return await IncidentJournal.AppendAsync(IncidentChangeKind.SeverityRaised, updated, null, now, connection, transaction, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the incident's row and the matched events that survive the first/last bound, then journals
    /// the change once. Further matches are not audited one by one: the count and the kept events are their trail.
    /// </summary>
    private async Task FlushAsync(
        PendingIncident incident, DateTimeOffset now, SliceStatements statements, SqliteConnection connection, SqliteTransaction transaction,
        CancellationToken cancellationToken, bool announce = true)
    {
        if (incident.Current == incident.Stored)
            return;
        var current = incident.Current;
        await statements.UpdateAsync(current, cancellationToken).ConfigureAwait(false);
        var keep = incident.NewEvents.Where(e => e.Seq <= _options.KeepFirstEvents || e.Seq > current.Count - _options.KeepLastEvents).ToList();
        await statements.AddEventsAsync(current.Id, keep, current.Count, _options.KeepFirstEvents, _options.KeepLastEvents, cancellationToken).ConfigureAwait(false);
        incident.NewEvents.Clear();
        incident.Stored = current;
        if (announce)
            await IncidentJournal.AppendAsync(IncidentChangeKind.Updated, current, null, now, connection, transaction, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Notes that a condition holds: opens its incident if none is open for the host, otherwise
    /// extends the open one. Returns the incident and whether it was opened now.
    /// </summary>
    public async Task<(Incident Incident, bool Opened)> RaiseConditionAsync(ConditionReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var now = _time.GetUtcNow();
        var key = "condition:" + report.ConditionKey;
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var current = await IncidentRows.FindOpenAsync(
            connection, transaction, key, report.Unit, report.Host, report.IsDrill, report.At, null, cancellationToken).ConfigureAwait(false);
        Incident result;
        if (current is null)
        {
            var draft = new Incident(
                0, report.Title, null, null, [], report.Category, report.Severity, IncidentState.New, report.Unit, report.Host,
                report.AgentId, report.At, report.At, 1, report.IsDrill, null, report.Description, now, now, null, null);
            result = await IncidentRows.InsertAsync(connection, transaction, key, draft, cancellationToken).ConfigureAwait(false);
            await AuditAsync("opened", result, $"condition {report.ConditionKey}", now, connection, transaction, cancellationToken).ConfigureAwait(false);
            await IncidentJournal.AppendAsync(IncidentChangeKind.Opened, result, null, now, connection, transaction, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // Still holding: only the last-seen time moves, so the journal does not grow with every poll.
            result = current with { LastSeen = report.At > current.LastSeen ? report.At : current.LastSeen, Description = report.Description ?? current.Description };
            if (result == current)
                return (current, false);
            result = result with { UpdatedAt = now };
            await IncidentRows.UpdateAsync(connection, transaction, result, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return (result, current is null);
    }

    /// <summary>
    /// Notes that a condition has ended: resolves its open incident on the host, recording how long
    /// it lasted. Returns the resolved incident, or null when none was open.
    /// </summary>
    public async Task<Incident?> ClearConditionAsync(string conditionKey, string unit, string host, bool isDrill, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // Most checks find nothing open: look first without taking the database's write lock.
        if (!await IncidentRows.AnyOpenAsync(connection, "condition:" + conditionKey, unit, host, isDrill, cancellationToken).ConfigureAwait(false))
            return null;
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var current = await IncidentRows.FindOpenAsync(
            connection, transaction, "condition:" + conditionKey, unit, host, isDrill, at, null, cancellationToken).ConfigureAwait(false);
        if (current is null)
            return null;
        var duration = at - current.FirstSeen;
        var resolved = current with
        {
            State = IncidentState.Resolved,
            LastSeen = at > current.LastSeen ? at : current.LastSeen,
            ResolvedAt = at,
            Duration = duration < TimeSpan.Zero ? TimeSpan.Zero : duration,
            UpdatedAt = now,
        };
        await IncidentRows.UpdateAsync(connection, transaction, resolved, cancellationToken).ConfigureAwait(false);
        var details = string.Create(CultureInfo.InvariantCulture, $"{current.State.ToText()} -> resolved: condition ended after {resolved.Duration!.Value.TotalSeconds:0} s");
        await AuditAsync("state_changed", resolved, details, now, connection, transaction, cancellationToken).ConfigureAwait(false);
        await IncidentJournal.AppendAsync(IncidentChangeKind.StateChanged, resolved, AuditActors.System, now, connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return resolved;
    }

    private Task<long> AuditAsync(string action, Incident incident, string details, DateTimeOffset at, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        _audit.WriteAsync(new AuditEntry(IncidentsSchema.Area, action, AuditActors.System, IncidentTarget.Of(incident.Id), details, at), connection, transaction, cancellationToken);
}
