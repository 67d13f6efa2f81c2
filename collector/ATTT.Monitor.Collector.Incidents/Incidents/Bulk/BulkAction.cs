namespace ATTT.Monitor.Collector.Incidents.Bulk;

/// <summary>What a bulk request does to each selected incident; each is the single change of the same name, once per incident.</summary>
public enum BulkAction
{
    Assign,
    ChangeState,

    /// <summary>State false positive, optionally with a false-positive filter (suppression) per rule and PC.</summary>
    FalsePositive,
    Comment,
}
