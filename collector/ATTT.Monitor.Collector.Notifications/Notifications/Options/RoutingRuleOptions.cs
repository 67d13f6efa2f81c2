using ATTT.Monitor.Collector.Incidents;

namespace ATTT.Monitor.Collector.Notifications.Options;

/// <summary>
/// One routing rule: when every condition given matches (an empty list matches anything), the
/// listed contact ids are told as To or Cc. Several rules may match; To wins over Cc.
/// </summary>
public sealed class RoutingRuleOptions
{
    public string Name { get; set; } = "";

    public List<string> Units { get; set; } = [];

    public IncidentSeverity MinSeverity { get; set; } = IncidentSeverity.Low;

    public List<string> Categories { get; set; } = [];

    /// <summary>Matches when the incident carries any of these rule tags (e.g. attack.t1486).</summary>
    public List<string> Tags { get; set; } = [];

    public List<string> To { get; set; } = [];

    public List<string> Cc { get; set; } = [];
}
