namespace ATTT.Monitor.Collector.Posture;

/// <summary>What a posture report says about a PC, summarised, and which conditions hold (with a reason each).</summary>
internal sealed record PostureAssessment(
    string? Product,
    bool Enabled,
    bool Realtime,
    double? SignatureAgeDays,
    DateTimeOffset? LastScanAt,
    bool? TamperProtection,
    IReadOnlyDictionary<string, string> Holding)
{
    public bool Holds(PostureCondition condition) => Holding.ContainsKey(condition.Key);
}
