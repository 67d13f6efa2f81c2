using ATTT.Monitor.Events;

namespace ATTT.Monitor.Sigma.Tests.ProductRules;

/// <summary>
/// Feeds events in time order through a fresh engine and correlation engine, as the collector
/// does, and returns the ids of the alerts raised: detections and correlations whose rule
/// generates alerts (rules that only feed a correlation do not).
/// </summary>
internal static class CaseRunner
{
    public static List<string> Alerts(SigmaRuleSet rules, IEnumerable<EventRecord> events)
    {
        var engine = rules.CreateEngine();
        var correlation = rules.CreateCorrelationEngine();
        var alerts = new List<string>();
        var detections = new List<SigmaDetection>();
        foreach (var e in events.OrderBy(e => e.TimeCreated))
        {
            detections.Clear();
            engine.Evaluate(e, detections);
            foreach (var d in detections)
            {
                if (d.Rule.GeneratesAlerts) alerts.Add(d.Rule.Id);
                alerts.AddRange(correlation.Process(d).Where(c => c.Rule.GeneratesAlerts).Select(c => c.Rule.Id));
            }
        }

        return alerts;
    }
}
