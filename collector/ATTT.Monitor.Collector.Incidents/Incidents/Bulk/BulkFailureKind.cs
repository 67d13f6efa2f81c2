namespace ATTT.Monitor.Collector.Incidents.Bulk;

/// <summary>Why one incident of a bulk change was left as it was.</summary>
public enum BulkFailureKind
{
    /// <summary>No such incident, or one of a unit the caller may not reach (the two are not told apart).</summary>
    NotFound,

    /// <summary>The change does not apply from the incident's current state (e.g. a closed incident cannot be closed again).</summary>
    NotAllowed,

    /// <summary>The incident changed, but its false-positive filter could not be added (see the message).</summary>
    SuppressionFailed,
}
