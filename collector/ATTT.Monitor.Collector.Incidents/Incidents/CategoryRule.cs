namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// Maps detections to an <see cref="IncidentCategory"/>. A rule applies when every condition that is
/// set holds: the detection has all of <see cref="AllTags"/>, at least one of <see cref="AnyTags"/>,
/// and its rule title or tags contain one of <see cref="AnyWords"/> (case-insensitive), or its rule id
/// is in <see cref="RuleIds"/>. The first applying rule wins.
/// </summary>
internal sealed class CategoryRule
{
    public string Category { get; set; } = IncidentCategory.Other;
    public List<string> RuleIds { get; set; } = [];
    public List<string> AllTags { get; set; } = [];
    public List<string> AnyTags { get; set; } = [];
    public List<string> AnyWords { get; set; } = [];
}
