using Microsoft.Playwright;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;

/// <summary>The rows of the event search's result table, read as the officer sees them.</summary>
internal static class EventRows
{
    public sealed record Row(long Id, string Host, string Channel, int EventId, long RecordId);

    private const string Read = """
        () => [...document.querySelectorAll('#event-results tbody tr')].map(tr => {
            const c = [...tr.querySelectorAll('td')].map(td => td.textContent.trim());
            return [tr.dataset.eventId, c[1], c[3], c[4], c[5]];
        })
        """;

    public static async Task<IReadOnlyList<Row>> OfAsync(IPage page)
    {
        var rows = await page.EvaluateAsync<string[][]>(Read);
        return [.. rows.Select(r => new Row(long.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture), r[1], r[2],
            int.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture), long.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture)))];
    }

    /// <summary>The same key for an event read from the samples and a row of the page.</summary>
    public static string Key(string host, string channel, int eventId, long recordId) => $"{host}|{channel}|{eventId}|{recordId}";

    public static string Key(Row row) => Key(row.Host, row.Channel, row.EventId, row.RecordId);
}
