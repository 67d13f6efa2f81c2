namespace ATTT.Monitor.Collector.Incidents.Bulk;

/// <summary>One incident a bulk change did not (fully) apply to, and why (a Vietnamese / English sentence).</summary>
public sealed record BulkFailure(long IncidentId, BulkFailureKind Kind, string Message);
