using System.Globalization;
using System.Text.Json;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Dashboard.Localization;
using ATTT.Monitor.Collector.Incidents;

namespace ATTT.Monitor.Collector.Dashboard.Exports;

/// <summary>
/// The incidents of a filter as CSV (Vietnamese headers and values, for people with a spreadsheet)
/// or JSON (the API's snake_case codes, for programs), at most <see cref="MaxRows"/> rows.
/// </summary>
internal static class IncidentExport
{
    public const int MaxRows = 10_000;
    private const int PageSize = 500;

    public static async Task<IReadOnlyList<Incident>> LoadAsync(IIncidentService incidents, IncidentQuery query, UnitScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(query);
        var rows = new List<Incident>();
        for (var offset = 0; rows.Count < MaxRows; offset += PageSize)
        {
            var page = await incidents.QueryAsync(query with { Offset = offset, Limit = PageSize }, scope, cancellationToken).ConfigureAwait(false);
            rows.AddRange(page.Items);
            if (page.Items.Count < PageSize)
                break;
        }

        return rows.Take(MaxRows).ToList();
    }

    public static byte[] Csv(IEnumerable<Incident> incidents, DashboardText text)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(text);
        var csv = new CsvWriter(
            text["Export.Id"], text["Incidents.Severity"], text["Incidents.Title"], text["Incidents.Category"], text["Pcs.Host"], text["Unit"],
            text["Status"], text["Incidents.Assignee"], text["Export.DetectedAt"], text["Export.FirstSeen"], text["Incidents.LastSeen"], text["Incidents.Count"], text["Export.Rule"]);
        foreach (var i in incidents)
        {
            csv.Row(
                i.Id.ToString(CultureInfo.InvariantCulture), text.Severity(i.Severity), i.Title, text.Category(i.Category), i.Host, i.Unit,
                text.State(i.State), i.Assignee, DashboardClock.Format(i.CreatedAt), DashboardClock.Format(i.FirstSeen), DashboardClock.Format(i.LastSeen),
                i.Count.ToString(CultureInfo.InvariantCulture), i.RuleTitle ?? i.RuleId);
        }

        return csv.ToBytes();
    }

    /// <summary>The incidents in the incidents API's own shape, so an export and the API read alike.</summary>
    public static byte[] Json(IEnumerable<Incident> incidents) =>
        JsonSerializer.SerializeToUtf8Bytes(incidents.Select(IncidentJson.From), ExportJson.Options);

    /// <summary>A file name with the local time, e.g. su-co-20260115-0930.csv.</summary>
    public static string FileName(DateTimeOffset now, string extension) =>
        "su-co-" + DashboardClock.ToLocal(now).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture) + "." + extension;
}
