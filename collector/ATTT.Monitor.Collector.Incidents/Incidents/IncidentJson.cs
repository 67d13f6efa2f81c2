using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>The JSON shapes of the incidents API (snake_case, times as UTC ISO 8601 with Z).</summary>
public static class IncidentJson
{
    public static object From(Incident i) => new
    {
        id = i.Id,
        title = i.Title,
        rule_id = i.RuleId,
        rule_title = i.RuleTitle,
        tags = i.Tags,
        category = i.Category,
        severity = i.Severity.ToText(),
        state = i.State.ToText(),
        unit = i.Unit,
        host = i.Host,
        agent_id = i.AgentId,
        first_seen = EventTime.Format(i.FirstSeen),
        last_seen = EventTime.Format(i.LastSeen),
        count = i.Count,
        drill = i.IsDrill,
        assignee = i.Assignee,
        description = i.Description,
        created_at = EventTime.Format(i.CreatedAt),
        updated_at = EventTime.Format(i.UpdatedAt),
        resolved_at = i.ResolvedAt is { } r ? EventTime.Format(r) : null,
        duration_seconds = i.Duration?.TotalSeconds,
    };

    public static object From(IncidentPage page) => new
    {
        total = page.Total,
        offset = page.Offset,
        limit = page.Limit,
        items = page.Items.Select(From).ToList(),
    };

    public static object From(IncidentDetail d) => new
    {
        incident = From(d.Incident),
        matched_event_ids = d.MatchedEventIds,
        events = d.Events.Select(From).ToList(),
        comments = d.Comments.Select(From).ToList(),
        timeline = d.Timeline.Select(From).ToList(),
        allowed_states = d.AllowedStates.Select(s => s.ToText()).ToList(),
    };

    public static object From(IncidentComment c) => new { id = c.Id, author = c.Author, text = c.Text, at = EventTime.Format(c.At) };

    public static object From(AuditRecord a) => new
    {
        id = a.Id, action = a.Action, actor = a.Actor, details = a.Details, at = EventTime.Format(a.At),
    };

    public static object From(StoredEvent s) => new
    {
        id = s.Id,
        agent_id = s.AgentId,
        unit = s.Unit,
        drill = s.IsDrill,
        received_at = EventTime.Format(s.ReceivedAt),
        time = EventTime.Format(s.Event.TimeCreated),
        channel = s.Event.Channel,
        provider = s.Event.Provider,
        event_id = s.Event.EventId,
        record_id = s.Event.RecordId,
        computer = s.Event.Computer,
        data = s.Event.Fields.Select(f => new[] { f.Name, f.Value }).ToList(),
    };
}
