namespace ATTT.Monitor.Collector.Incidents.Bulk;

/// <summary>
/// Body of <c>POST /api/v1/incidents/bulk</c>: <c>ids</c>, or <c>filter</c> (a query string as
/// <c>GET /api/v1/incidents</c> takes it) for every matching incident; <c>action</c> one of
/// assign, state, false_positive, comment; <c>assignee</c>, <c>state</c> (snake_case), <c>text</c>
/// (comment, or note kept with a state change) and <c>suppress</c> as the action needs.
/// </summary>
internal sealed record BulkRequest(IReadOnlyList<long>? Ids, string? Filter, string? Action, string? Assignee, string? State, string? Text, bool Suppress);
