using System.Globalization;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>How incidents are named in the audit log's <c>target</c> column.</summary>
public static class IncidentTarget
{
    public static string Of(long incidentId) => "incident:" + incidentId.ToString(CultureInfo.InvariantCulture);
}
