using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Encodings.Web;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Search;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Sqlite;
using ATTT.Monitor.Events;
using Microsoft.Extensions.Logging.Abstractions;

namespace ATTT.Monitor.Collector.Cli;

/// <summary>
/// <c>attt events search</c>: the stored events as the dashboard searches them, newest first, as
/// JSON lines (the shape of <c>attt evtx dump --format json</c> plus host, unit and received_at) or
/// a table. Reads the data folder beside a running <c>attt serve</c> (WAL: readers never block it).
/// Times without an offset are UTC. The last stderr line says how many events were written and,
/// when a field or text filter stopped at its scan budget, where to continue (--before).
/// </summary>
internal static class EventsCommands
{
    public static Command Create(CliContext context) => new("events", "Stored events (sự kiện).") { Search(context) };

    private static Command Search(CliContext context)
    {
        var data = CommonOptions.Data(required: true);
        var host = new Option<string?>("--host") { Description = "PC name (the events' Computer), case-insensitive." };
        var unit = new Option<string?>("--unit") { Description = "Unit (đơn vị)." };
        var from = new Option<string?>("--from") { Description = "From this time (inclusive): 2026-11-27T10:15Z, 2026-11-27T17:15+07:00, 2026-11-27 (UTC when no offset)." };
        var to = new Option<string?>("--to") { Description = "Until this time (exclusive), as --from." };
        var channel = new Option<string?>("--channel") { Description = "Channel, e.g. Security." };
        var eventId = new Option<string?>("--event-id") { Description = "Event ID, e.g. 4625." };
        var field = new Option<string[]>("--field") { Description = "NAME=VALUE (repeatable): a field equal to a value, ignoring case.", AllowMultipleArgumentsPerToken = false };
        var text = new Option<string?>("--text") { Description = "Words searched in the events' values, ignoring case." };
        var before = new Option<string?>("--before") { Description = "Continue before this position (printed on stderr by the previous run)." };
        var limit = new Option<string?>("--limit") { Description = "At most this many events (1-1000, default 100)." };
        var format = new Option<string>("--format") { Description = "jsonl or table.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "table");
        var command = new Command("search", "Search stored events, newest first (works while serve runs).")
        {
            data, host, unit, from, to, channel, eventId, field, text, before, limit, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            EventQuery query;
            try
            {
                query = EventSearchFilters.Parse(new EventSearchRequest
                {
                    Host = parse.GetValue(host),
                    Unit = parse.GetValue(unit),
                    From = parse.GetValue(from),
                    To = parse.GetValue(to),
                    Channel = parse.GetValue(channel),
                    EventId = parse.GetValue(eventId),
                    Fields = parse.GetValue(field) ?? [],
                    Text = parse.GetValue(text),
                    Before = parse.GetValue(before),
                    Limit = parse.GetValue(limit),
                }, TimeSpan.Zero, defaultLimit: 100);
            }
            catch (EventSearchException ex)
            {
                throw new BadInputException("--" + ex.Message, ex);
            }

            var folder = parse.GetValue(data)!;
            var events = Path.Combine(folder.FullName, EventsDatabase.FileName);
            var state = new DataDirectoryOptions { Path = folder.FullName }.StateDatabasePath;
            if (!File.Exists(events) || !File.Exists(state))
                throw new BadInputException($"The folder {folder.FullName} holds no ATTT Monitor store ({EventsDatabase.FileName} or {Path.GetFileName(state)} is missing).");
            await using var store = new SqliteEventStore(new EventsDatabase(events), new EventAppendedSignal(), new CommittedEventFeed(0), new EventStoreOptions(),
                NullLogger<SqliteEventStore>.Instance);
            var search = new EventSearch(store, new SqliteAuditLog(new EmbeddedDatabase(state, [])), context.Time);
            var page = await search.SearchAsync(Caller.System, query, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(format) == "table")
                await WriteTableAsync(context.Out, page.Events).ConfigureAwait(false);
            else
                await WriteJsonLinesAsync(context.Out, page.Events).ConfigureAwait(false);
            await context.Error.WriteLineAsync(Summary(page)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Summary(EventSearchPage page)
    {
        var line = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{page.Events.Count} events"));
        if (page.BudgetSpent)
            line.Append(CultureInfo.InvariantCulture, $"; stopped after testing {page.Scanned} candidates against the field/text filters");
        if (page.Next is { } next)
            line.Append(CultureInfo.InvariantCulture, $"; more with --before {next}");
        return line.ToString();
    }

    private static async Task WriteJsonLinesAsync(TextWriter output, IReadOnlyList<StoredEvent> events)
    {
        // Default escaping: <, >, & and quotes come out as \u003C and the like, so a line is safe to
        // paste into HTML or a shell; the JSON is the same data.
        var buffer = new MemoryStream();
        foreach (var stored in events)
        {
            buffer.SetLength(0);
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }))
                StoredEventJson.Write(writer, stored);
            await output.WriteLineAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).ConfigureAwait(false);
        }
    }

    private static async Task WriteTableAsync(TextWriter output, IReadOnlyList<StoredEvent> events)
    {
        await output.WriteLineAsync("time\thost\tunit\tchannel\tevent_id\trecord_id\tid").ConfigureAwait(false);
        foreach (var s in events)
        {
            var e = s.Event;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{EventTime.Format(e.TimeCreated)}\t{Cell(e.Computer)}\t{Cell(s.Unit)}\t{Cell(e.Channel)}\t{e.EventId}\t{e.RecordId}\t{s.Id}")).ConfigureAwait(false);
        }
    }

    /// <summary>A value on one table line: control characters (tabs, new lines, escapes) as '?'.</summary>
    private static string Cell(string value) => string.Create(value.Length, value, (span, v) =>
    {
        for (var i = 0; i < v.Length; i++)
            span[i] = char.IsControl(v[i]) ? '?' : v[i];
    });
}
