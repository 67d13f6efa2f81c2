using System.Globalization;
using ATTT.Monitor.Signal.Bench;

// attt-signal-bench: what one attack becomes for the IT officer and the police. See bench/README.md.
SignalOptions options;
try
{
    options = SignalOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

Console.WriteLine(string.Join('\t', "dataset", "events", "rule_matches", "incidents", "incidents_high+", "police_notices",
    "authority_copies", "it_officer_mails", "queued_later", "top_severity", "top_category", "top_has_T1003", "high_outside_incidents"));
foreach (var dataset in options.Datasets)
{
    var c = await DatasetRun.RunAsync(options, dataset);
    Console.WriteLine(string.Join('\t', new object[]
    {
        dataset.Name, c.Events, c.RuleMatches, c.Incidents, c.IncidentsHighOrAbove, c.PoliceNotices, c.AuthorityCopies,
        c.ItOfficerMails, c.QueuedLater, c.TopSeverity, c.TopCategory, c.TopHasT1003 ? "yes" : "no", c.HighDetectionsOutsideIncidents,
    }.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))));
}

return 0;
