namespace ATTT.Monitor.Collector.Dashboard.Localization;

public static partial class TextsEn
{
    // Texts of bulk changes and exports on the incident list, the monthly report page and the PCs named only by events.
    private static Dictionary<string, string> Desk => new()
    {
        ["Bulk.Title"] = "Change many incidents at once",
        ["Bulk.Pick"] = "Select",
        ["Bulk.PickOne"] = "Select incident {0}",
        ["Bulk.SelectPage"] = "Select every incident on this page",
        ["Bulk.UnselectPage"] = "Clear the selection on this page",
        ["Bulk.Action"] = "Action",
        ["Bulk.Action.assign"] = "Assign",
        ["Bulk.Action.state"] = "Change state",
        ["Bulk.Action.false_positive"] = "Mark as false positive",
        ["Bulk.Action.comment"] = "Add a comment",
        ["Bulk.Assignee"] = "Assignee (empty: unassign)",
        ["Bulk.State"] = "New state",
        ["Bulk.Note"] = "Note (required for a comment)",
        ["Bulk.Suppress"] = "When marking false positive: add a filter so the rule no longer alerts for this PC",
        ["Bulk.ApplySelected"] = "Apply to the selected incidents",
        ["Bulk.ApplyFilter"] = "Apply to all {0} incidents matching the filter",
        ["Bulk.Cap"] = "At most {0} incidents per request; each change is audited as a single change is.",
        ["Bulk.OverCap"] = "The filter matches {0} incidents: only the first {1} (in list order) are changed.",
        ["Bulk.Done"] = "{0}: {1} incidents changed, {2} could not be changed.",
        ["Bulk.FiltersAdded"] = "{0} false-positive filters added.",
        ["Bulk.WasCapped"] = "The filter matched {0} incidents; only the first {1} were changed. Repeat to continue.",
        ["Bulk.IncidentNumber"] = "Incident {0}",
        ["Bulk.MoreFailures"] = "… and {0} more incidents could not be changed.",
        ["Bulk.NoAction"] = "No action chosen.",
        ["Bulk.NoState"] = "No new state chosen.",
        ["Bulk.NoneSelected"] = "No incident selected: tick \"Select\" on the rows, or apply to every incident matching the filter.",
        ["Export.Csv"] = "Download CSV (Excel)",
        ["Export.Json"] = "Download JSON",
        ["Export.Id"] = "Incident number",
        ["Export.DetectedAt"] = "Detected at",
        ["Export.FirstSeen"] = "First seen",
        ["Export.Rule"] = "Rule",
    };
}
