namespace ATTT.Monitor.Collector.Incidents;

/// <summary>Body of <c>POST /api/v1/incidents/{id}/assign</c>; a null or empty assignee unassigns.</summary>
internal sealed record AssignRequest(string? Assignee);

/// <summary>Body of <c>POST /api/v1/incidents/{id}/comment</c>.</summary>
internal sealed record CommentRequest(string? Text);

/// <summary>Body of <c>POST /api/v1/incidents/{id}/state</c>: the new state (snake_case) and an optional note.</summary>
internal sealed record StateRequest(string? State, string? Note);
