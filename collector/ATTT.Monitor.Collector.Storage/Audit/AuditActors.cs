namespace ATTT.Monitor.Collector.Audit;

/// <summary>Actor names for changes no person made.</summary>
public static class AuditActors
{
    /// <summary>The collector itself (detection pipeline, posture checks, schedulers).</summary>
    public const string System = "system";
}
