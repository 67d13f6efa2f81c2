using System.Globalization;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Incidents.Journal;
using ATTT.Monitor.Collector.Ingest;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// Turns detections and posture conditions into incidents: groups the detections on one PC into
/// attack stories (see <see cref="RecordDetectionsAsync(IReadOnlyList{DetectionHit}, SqliteConnection, SqliteTransaction, CancellationToken)"/>),
/// keeps a bounded list of matched events and a timeline, raises severity, opens and clears condition incidents. Every change is
/// written to the incident journal inside the same transaction (<see cref="IncidentJournal"/>), and nothing else.
/// </summary>
internal sealed class IncidentManager : IDetectionSink
{
    private readonly EmbeddedDatabase _database;
    private readonly IAuditLog _audit;
    private readonly IncidentsOptions _options;
    private readonly IncidentCategorizer _categorizer;
    private readonly IncidentGuidance _guidance;
    private readonly TimeProvider _time;
    private readonly IngestOptions _ingest;

    public IncidentManager(
        EmbeddedDatabase database, IAuditLog audit, 
        IOptions<IncidentsOptions> options, TimeProvider time, IncidentGuidance? guidance = null, IngestOptions? ingest = null)
    {
        _ingest = ingest ?? new IngestOptions();
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _audit = audit;
        _options = options.Value;
        _guidance = guidance ?? IncidentGuidance.None;
        _categorizer = new IncidentCategorizer(_options, _guidance.Attack);
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
    /// checkpoint, so a crash re-evaluates a slice instead of losing or doubling it) as attack stories:
    /// detections on one PC (unit, host, real or drill) join the open story whose activity they come
    /// within <see cref="IncidentsOptions.GroupingWindow"/> of, or, across a longer gap, the open story
    /// that holds their logon session or process (or their parent process), as long as the story then
    /// spans at most <see cref="IncidentsOptions.StoryCap"/>. A product rule's twin is dropped first
    /// (<see cref="TwinDetections"/>). Detections below <see cref="IncidentsOptions.MinimumSeverity"/>
    /// open nothing: they join an open story's timeline without raising it, or are kept as evidence on
    /// the PC. Returns one change per detection that reached a story, in order. A story touched again
    /// in this call is grouped in memory: its row, events and timeline are written once at the end and
    /// the journal gets one Updated change for them; openings and severity rises are written and announced at once.
    /// </summary>
    public async Task<IReadOnlyList<IncidentChange>> RecordDetectionsAsync(
        IReadOnlyList<DetectionHit> hits, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hits);
        var changes = new List<IncidentChange>(hits.Count);
        var byId = new Dictionary<long, PendingIncident>();
        var latest = new Dictionary<(string Unit, string Host, bool IsDrill), PendingIncident>();
        var evidenceHosts = new HashSet<(string Unit, string Host, bool IsDrill)>();
        var now = _time.GetUtcNow();
        await using var statements = new SliceStatements(connection, transaction);
        await using var stories = new StoryStatements(connection, transaction);
        foreach (var hit in TwinDetections.Remove(hits))
        {
            var detection = Prepare(hit);
            var pc = (hit.Unit, hit.Host, hit.IsDrill);
            var story = await FindStoryAsync(detection, pc, latest, byId, statements, stories, cancellationToken).ConfigureAwait(false);
            if (story is null)
            {
                if (!detection.Counts)
                {
                    await stories.AddEvidenceAsync(hit.Unit, hit.Host, hit.IsDrill, detection.ToEntry(null), cancellationToken).ConfigureAwait(false);
                    evidenceHosts.Add(pc);
                    continue;
                }

                var opened = await OpenAsync(detection, now, connection, transaction, cancellationToken).ConfigureAwait(false);
                await stories.AddTimelineAsync(opened.Id, [(1, detection.ToEntry(opened.Id))], 1, _options.KeepFirstEvents, _options.KeepLastEvents, cancellationToken).ConfigureAwait(false);
                await stories.AddLinksAsync(opened.Id, hit.Unit, hit.Host, hit.IsDrill, hit.Links, cancellationToken).ConfigureAwait(false);
                latest[pc] = byId[opened.Id] = new PendingIncident(opened);
                changes.Add(new IncidentChange(IncidentChangeKind.Opened, opened, null, now));
                continue;
            }

            if (detection.Counts)
                await stories.AddLinksAsync(story.Current.Id, hit.Unit, hit.Host, hit.IsDrill, hit.Links, cancellationToken).ConfigureAwait(false);
            changes.Add(await AddAsync(story, detection, now, statements, stories, connection, transaction, cancellationToken).ConfigureAwait(false));
        }

        foreach (var story in byId.Values)
            await FlushAsync(story, now, statements, stories, connection, transaction, cancellationToken).ConfigureAwait(false);
        foreach (var (unit, host, isDrill) in evidenceHosts)
            await stories.PruneEvidenceAsync(unit, host, isDrill, _options.EvidencePerHost, cancellationToken).ConfigureAwait(false);
        return changes;
    }

    /// <summary>The group key of attack stories in <c>incidents.group_key</c>.</summary>
    internal const string StoryKey = "story";

    private StoryDetection Prepare(DetectionHit hit)
    {
        var level = IncidentText.FromRuleLevel(hit.RuleLevel);
        return new StoryDetection(hit, level, level >= _options.MinimumSeverity, _categorizer.Categorize(hit),
            _guidance.Attack.TacticsOf(hit.Tags), _guidance.Explain(hit));
    }

    /// <summary>
    /// The open story a detection joins: the PC's latest one of this call if the detection is within
    /// its window, else the stored one within the window, else one that holds its session or process;
    /// each only while the story stays within the cap.
    /// </summary>
    private async Task<PendingIncident?> FindStoryAsync(
        StoryDetection detection, (string Unit, string Host, bool IsDrill) pc, Dictionary<(string, string, bool), PendingIncident> latest,
        Dictionary<long, PendingIncident> byId, SliceStatements statements, StoryStatements stories, CancellationToken cancellationToken)
    {
        var hit = detection.Hit;
        if (latest.TryGetValue(pc, out var recent) && Fits(recent.Current, hit.At, windowed: true))
            return recent;
        var stored = await statements.FindOpenAsync(StoryKey, hit.Unit, hit.Host, hit.IsDrill, hit.At, _options.GroupingWindow, cancellationToken).ConfigureAwait(false);
        if (Take(stored, windowed: true) is { } windowed)
            return latest[pc] = windowed;
        var links = hit.Links.Concat(hit.ParentLinks).Distinct(StringComparer.Ordinal).ToList();
        var linked = await stories.FindLinkedAsync(hit.Unit, hit.Host, hit.IsDrill, links, cancellationToken).ConfigureAwait(false);
        return Take(linked, windowed: false);

        PendingIncident? Take(Incident? found, bool windowed)
        {
            if (found is null)
                return null;
            // The call's own copy is newer than the stored row.
            var pending = byId.TryGetValue(found.Id, out var mine) ? mine : new PendingIncident(found);
            if (!Fits(pending.Current, hit.At, windowed))
                return null;
            byId[found.Id] = pending;
            return pending;
        }
    }

    private bool Fits(Incident story, DateTimeOffset at, bool windowed) =>
        (!windowed || PendingIncident.Covers(story, at, _options.GroupingWindow)) && PendingIncident.WithinCap(story, at, _options.StoryCap);

    private async Task<Incident> OpenAsync(StoryDetection detection, DateTimeOffset now, SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var opened = await IncidentRows.InsertAsync(connection, transaction, StoryKey, detection.Open(now, IsBackfill(detection.Hit)), cancellationToken).ConfigureAwait(false);
        if (detection.Hit.EventId is { } id)
            await IncidentRows.AddEventAsync(connection, transaction, opened.Id, 1, id, _options.KeepFirstEvents, _options.KeepLastEvents, cancellationToken).ConfigureAwait(false);
        await AuditAsync("opened", opened, $"rule {detection.Hit.RuleId}", now, connection, transaction, cancellationToken).ConfigureAwait(false);
        await IncidentJournal.AppendAsync(IncidentChangeKind.Opened, opened, null, now, connection, transaction, cancellationToken).ConfigureAwait(false);
        return opened;
    }

    /// <summary>Ingest's rule on the matched event's own times; a detection on no stored event is live.</summary>
    private bool IsBackfill(DetectionHit hit) => hit.ReceivedAt is { } received && _ingest.IsBackfill(hit.At, received);

    /// <summary>Adds a detection to an open story in memory; a rise of severity is written and announced at once.</summary>
    private async Task<IncidentChange> AddAsync(
        PendingIncident incident, StoryDetection detection, DateTimeOffset now, SliceStatements statements, StoryStatements stories,
        SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var before = incident.Current;
        var updated = detection.AddTo(before, now);
        incident.Current = updated;
        if (detection.Hit.EventId is { } id)
            incident.NewEvents.Add((updated.Count, id));
        incident.NewTimeline.Add((updated.Count, detection.ToEntry(updated.Id)));
        if (updated.Severity <= before.Severity)
            return new IncidentChange(IncidentChangeKind.Updated, updated, null, now);

        await FlushAsync(incident, now, statements, stories, connection, transaction, cancellationToken, announce: false).ConfigureAwait(false);
        await AuditAsync("severity_raised", updated, $"{before.Severity.ToText()} -> {updated.Severity.ToText()}", now, connection, transaction, cancellationToken).ConfigureAwait(false);
        return await IncidentJournal.AppendAsync(IncidentChangeKind.SeverityRaised, updated, null, now, connection, transaction, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the story's row, the matched events and timeline entries that survive the first/last
    /// bound, then journals the change once. Further matches are not audited one by one: the count, the
    /// kept events and the timeline are their trail.
    /// </summary>
    private async Task FlushAsync(
        PendingIncident incident, DateTimeOffset now, SliceStatements statements, StoryStatements stories, SqliteConnection connection, SqliteTransaction transaction,
        CancellationToken cancellationToken, bool announce = true)
    {
        if (incident.Current == incident.Stored)
            return;
        var current = incident.Current;
        await statements.UpdateAsync(current, cancellationToken).ConfigureAwait(false);
        var keep = incident.NewEvents.Where(e => Kept(e.Seq, current.Count)).ToList();
        await statements.AddEventsAsync(current.Id, keep, current.Count, _options.KeepFirstEvents, _options.KeepLastEvents, cancellationToken).ConfigureAwait(false);
        var timeline = incident.NewTimeline.Where(e => Kept(e.Seq, current.Count)).ToList();
        await stories.AddTimelineAsync(current.Id, timeline, current.Count, _options.KeepFirstEvents, _options.KeepLastEvents, cancellationToken).ConfigureAwait(false);
        incident.NewEvents.Clear();
        incident.NewTimeline.Clear();
        incident.Stored = current;
        if (announce)
            await IncidentJournal.AppendAsync(IncidentChangeKind.Updated, current, null, now, connection, transaction, cancellationToken).ConfigureAwait(false);
    }

    private bool Kept(long seq, long count) => seq <= _options.KeepFirstEvents || seq > count - _options.KeepLastEvents;

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
                report.AgentId, report.At, report.At, 1, report.IsDrill, null, report.Description, now, now, null, null) { IsBackfill = false };
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
