using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Incidents.Journal;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary><see cref="IIncidentService"/> on the embedded state database.</summary>
internal sealed class IncidentService : IIncidentService
{
    private const int MaxCommentLength = 4000;
    private readonly EmbeddedDatabase _database;
    private readonly IEventStore _events;
    private readonly IAuditLog _audit;
    private readonly TimeProvider _time;
    private readonly ILogger<IncidentService> _logger;

    public IncidentService(
        EmbeddedDatabase database, IEventStore events, IAuditLog audit, TimeProvider time, ILogger<IncidentService> logger)
    {
        _database = database;
        _events = events;
        _audit = audit;
        _time = time;
        _logger = logger;
    }

    public async Task<IncidentPage> QueryAsync(IncidentQuery query, UnitScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scope);
        var limit = Math.Clamp(query.Limit, 1, 500);
        var offset = Math.Max(0, query.Offset);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = IncidentFilter.Build(command, query, scope);
        command.CommandText = $"""
            SELECT COUNT(*) FROM incidents WHERE {where};
            SELECT {IncidentRows.Columns} FROM incidents WHERE {where} ORDER BY {OfficerOrder} LIMIT $limit OFFSET $offset;
            """;
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var total = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<Incident>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            items.Add(IncidentRows.Read(reader));
        return new IncidentPage(items, total, offset, limit);
    }

    /// <summary>What matters first: open before closed, then the most severe, then the latest activity.</summary>
    internal const string OfficerOrder = "CASE WHEN state IN ('new', 'in_progress') THEN 0 ELSE 1 END, severity DESC, last_seen DESC, id DESC";

    public async Task<IncidentCounts> CountAsync(UnitScope scope, bool drill, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = IncidentFilter.Build(command, new IncidentQuery { Drill = drill }, scope);
        command.CommandText = $"""
            SELECT state, COUNT(*) FROM incidents WHERE {where} GROUP BY state;
            SELECT severity, COUNT(*) FROM incidents WHERE {where} AND state IN ('new', 'in_progress') GROUP BY severity;
            """;
        var byState = Enum.GetValues<IncidentState>().ToDictionary(s => s, _ => 0L);
        var bySeverity = Enum.GetValues<IncidentSeverity>().ToDictionary(s => s, _ => 0L);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (IncidentText.TryParseState(reader.GetString(0), out var state))
                byState[state] = reader.GetInt64(1);
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            bySeverity[(IncidentSeverity)reader.GetInt32(0)] = reader.GetInt64(1);
        return new IncidentCounts(byState, bySeverity);
    }

    public async Task<IncidentDetail?> GetAsync(long id, UnitScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var incident = await IncidentRows.LoadAsync(connection, null, id, cancellationToken).ConfigureAwait(false);
        if (incident is null || !scope.Allows(incident.Unit))
            return null;
        var eventIds = await IncidentRows.EventIdsAsync(connection, id, cancellationToken).ConfigureAwait(false);
        var comments = await CommentsAsync(connection, id, cancellationToken).ConfigureAwait(false);
        var timeline = await TimelineAsync(connection, id, cancellationToken).ConfigureAwait(false);
        var detections = await TimelineRows.ForIncidentAsync(connection, id, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<StoredEvent> events = [];
        if (eventIds.Count > 0)
        {
            try
            {
                events = await _events.GetByIdsAsync(eventIds, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The incident is still worth showing when the event store is down (Elasticsearch unreachable).
                _logger.LogWarning(ex, "Could not read the matched events of incident {IncidentId}", id);
            }
        }

        var personalData = await PersonalDataBreachRows.LoadAsync(connection, null, id, cancellationToken).ConfigureAwait(false);
        return new IncidentDetail(incident, eventIds, events, comments, timeline, IncidentTransitions.AllowedFrom(incident.State)) { Detections = detections, PersonalDataBreach = personalData };
    }

    public Task<Incident> AssignAsync(long id, string? assignee, string actor, UnitScope scope, CancellationToken cancellationToken)
    {
        var who = string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim();
        if (who is { Length: > 200 })
            throw new InvalidIncidentCommandException("Tên người được giao quá dài (tối đa 200 ký tự) / assignee is longer than 200 characters.", "assignee");
        return MutateAsync(id, actor, scope, IncidentChangeKind.Assigned, (current, now) =>
        {
            var details = $"{current.Assignee ?? "(none)"} -> {who ?? "(none)"}";
            return (current with { Assignee = who, UpdatedAt = now }, "assigned", details);
        }, null, cancellationToken);
    }

    public async Task<IncidentComment> CommentAsync(long id, string text, string actor, UnitScope scope, CancellationToken cancellationToken)
    {
        var body = CheckComment(text, "text");
        IncidentComment? comment = null;
        await MutateAsync(id, actor, scope, IncidentChangeKind.Commented, (current, now) =>
            (current with { UpdatedAt = now }, "commented", body),
            async (incident, now, connection, transaction) =>
                comment = await InsertCommentAsync(connection, transaction, incident.Id, actor, body, now, cancellationToken).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        return comment!;
    }

    public Task<Incident> ChangeStateAsync(long id, IncidentState state, string? note, string actor, UnitScope scope, CancellationToken cancellationToken)
    {
        var body = string.IsNullOrWhiteSpace(note) ? null : CheckComment(note, "note");
        return MutateAsync(id, actor, scope, IncidentChangeKind.StateChanged, (current, now) =>
        {
            if (!IncidentTransitions.IsAllowed(current.State, state))
            {
                throw new InvalidIncidentCommandException(
                    $"Không thể chuyển sự cố từ \"{current.State.ToVietnamese()}\" sang \"{state.ToVietnamese()}\" / " +
                    $"an incident cannot go from {current.State.ToText()} to {state.ToText()}.", "state", conflict: true);
            }

            var ends = state is IncidentState.Resolved or IncidentState.Closed or IncidentState.FalsePositive;
            var resolvedAt = ends ? current.ResolvedAt ?? now : (DateTimeOffset?)null;
            var updated = current with
            {
                State = state,
                UpdatedAt = now,
                ResolvedAt = resolvedAt,
                Duration = resolvedAt is { } r ? Max(r - current.FirstSeen, TimeSpan.Zero) : null,
            };
            var details = $"{current.State.ToText()} -> {state.ToText()}" + (body is null ? "" : ": " + body);
            return (updated, "state_changed", details);
        },
        body is null ? null : async (incident, now, connection, transaction) =>
            await InsertCommentAsync(connection, transaction, incident.Id, actor, body, now, cancellationToken).ConfigureAwait(false),
        cancellationToken);
    }

    public async Task<PersonalDataBreach> MarkPersonalDataBreachAsync(long id, string? note, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var what = note?.Trim() ?? "";
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var incident = await IncidentRows.LoadAsync(connection, null, id, cancellationToken).ConfigureAwait(false);
        if (incident is null || !caller.Scope.Allows(incident.Unit))
            throw new IncidentNotFoundException(id);
        await new AccessGuard(_audit, _time).DemandAsync(AdministrationPolicy.MarkPersonalDataBreach(caller, incident.Unit), caller, IncidentsSchema.Area, PersonalDataAction, IncidentTarget.Of(id), cancellationToken).ConfigureAwait(false);
        if (what.Length == 0)
            throw new InvalidIncidentCommandException("Cần ghi rõ loại dữ liệu cá nhân bị lộ lọt / say which personal data the breach concerns.", "note");
        if (what.Length > PersonalDataBreachRows.MaxNoteLength)
            throw new InvalidIncidentCommandException($"Ghi chú quá dài (tối đa {PersonalDataBreachRows.MaxNoteLength} ký tự) / the note is longer than {PersonalDataBreachRows.MaxNoteLength} characters.", "note");

        var now = _time.GetUtcNow();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Known once: a second mark (another administrator, a resubmitted form) neither restarts the clock nor notifies again.
        if (await PersonalDataBreachRows.LoadAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false) is { } existing)
            return existing;
        var current = await IncidentRows.LoadAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false) ?? throw new IncidentNotFoundException(id);
        var mark = new PersonalDataBreach(id, now, what, caller.Name);
        await PersonalDataBreachRows.InsertAsync(connection, transaction, mark, cancellationToken).ConfigureAwait(false);
        await _audit.WriteAsync(new AuditEntry(IncidentsSchema.Area, PersonalDataAction, caller.Name, IncidentTarget.Of(id), what, now), connection, transaction, cancellationToken).ConfigureAwait(false);
        await IncidentJournal.AppendAsync(new IncidentChange(IncidentChangeKind.PersonalDataBreachKnown, current, caller.Name, now) { Note = what }, connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return mark;
    }

    /// <summary>The audit action of a personal-data breach mark (and of its refusal's details).</summary>
    public const string PersonalDataAction = "personal_data_breach";

    private async Task<Incident> MutateAsync(
        long id, string actor, UnitScope scope, IncidentChangeKind kind,
        Func<Incident, DateTimeOffset, (Incident Updated, string Action, string Details)> apply,
        Func<Incident, DateTimeOffset, SqliteConnection, SqliteTransaction, Task>? alsoInTransaction,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentNullException.ThrowIfNull(scope);
        var now = _time.GetUtcNow();
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var current = await IncidentRows.LoadAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false);
        if (current is null || !scope.Allows(current.Unit))
            throw new IncidentNotFoundException(id);
        var (updated, action, details) = apply(current, now);
        await IncidentRows.UpdateAsync(connection, transaction, updated, cancellationToken).ConfigureAwait(false);
        if (alsoInTransaction is not null)
            await alsoInTransaction(updated, now, connection, transaction).ConfigureAwait(false);
        await _audit.WriteAsync(new AuditEntry(IncidentsSchema.Area, action, actor, IncidentTarget.Of(id), details, now), connection, transaction, cancellationToken).ConfigureAwait(false);
        await IncidentJournal.AppendAsync(kind, updated, actor, now, connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return updated;
    }

    private static string CheckComment(string? text, string field)
    {
        var body = text?.Trim() ?? "";
        if (body.Length == 0)
            throw new InvalidIncidentCommandException("Nội dung ghi chú trống / the comment is empty.", field);
        if (body.Length > MaxCommentLength)
            throw new InvalidIncidentCommandException($"Ghi chú quá dài (tối đa {MaxCommentLength} ký tự) / the comment is longer than {MaxCommentLength} characters.", field);
        return body;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static async Task<IncidentComment> InsertCommentAsync(
        SqliteConnection connection, SqliteTransaction transaction, long incidentId, string author, string text, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO incident_comments (incident_id, author, text, at) VALUES ($id, $author, $text, $at) RETURNING id;";
        command.Parameters.AddWithValue("$id", incidentId);
        command.Parameters.AddWithValue("$author", author);
        command.Parameters.AddWithValue("$text", text);
        command.Parameters.AddWithValue("$at", DbTime.Format(at));
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return new IncidentComment(id, incidentId, author, text, at);
    }

    private static async Task<IReadOnlyList<IncidentComment>> CommentsAsync(SqliteConnection connection, long id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, incident_id, author, text, at FROM incident_comments WHERE incident_id = $id ORDER BY id;";
        command.Parameters.AddWithValue("$id", id);
        var comments = new List<IncidentComment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            comments.Add(new IncidentComment(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), DbTime.Parse(reader.GetString(4))));
        return comments;
    }

    private static async Task<IReadOnlyList<AuditRecord>> TimelineAsync(SqliteConnection connection, long id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, area, action, actor, target, details, at FROM audit_log WHERE area = $area AND target = $target ORDER BY id;";
        command.Parameters.AddWithValue("$area", IncidentsSchema.Area);
        command.Parameters.AddWithValue("$target", IncidentTarget.Of(id));
        var records = new List<AuditRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            records.Add(SqliteAuditLog.Read(reader));
        return records;
    }
}
