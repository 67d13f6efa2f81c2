using System.Security.Claims;
using System.Text.Json;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Search;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Dashboard.EventViews;

/// <summary>
/// <c>GET /api/v1/events</c>: the search of the events page as JSON,
/// <c>{"events":[…],"next":"…","scanned":N,"budget_spent":bool}</c>, each event in the shape of
/// <c>attt events search</c>'s lines. Parameters as the page's (host, unit, from, to, channel,
/// event_id, field…, text, before, limit); times without an offset are Vietnam time. A filter that
/// cannot be read is a 400 <c>{"error": sentence, "field": name}</c>, a unit outside the caller's a 403.
/// </summary>
internal static class EventsApi
{
    public const string Route = "/api/v1/events";

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, SearchAsync).RequireAuthorization(AccessPolicies.Dashboard);
        return app;
    }

    private static async Task<IResult> SearchAsync(HttpRequest request, ClaimsPrincipal user, EventSearch search, CancellationToken ct)
    {
        var q = request.Query;
        EventQuery query;
        try
        {
            query = EventSearchFilters.Parse(new EventSearchRequest
            {
                Host = q["host"], Unit = q["unit"], From = q["from"], To = q["to"], Channel = q["channel"], EventId = q["event_id"],
                Fields = [.. q["field"].OfType<string>()], Text = q["text"], Before = q["before"], Limit = q["limit"],
            }, EventLinks.VietnamOffset);
        }
        catch (EventSearchException ex)
        {
            return Results.Json(new { error = ex.Message, field = ex.Parameter }, statusCode: StatusCodes.Status400BadRequest);
        }

        EventSearchPage page;
        try
        {
            page = await search.SearchAsync(Caller.FromUser(user), query, ct).ConfigureAwait(false);
        }
        catch (AccessRefusedException)
        {
            return Results.Json(new { error = "The unit is outside your units.", field = "unit" }, statusCode: StatusCodes.Status403Forbidden);
        }

        return Results.Stream(async stream =>
        {
            await using var w = new Utf8JsonWriter(stream);
            w.WriteStartObject();
            w.WriteStartArray("events");
            foreach (var e in page.Events)
                StoredEventJson.Write(w, e);
            w.WriteEndArray();
            if (page.Next is { } next)
                w.WriteString("next", next.ToString());
            else
                w.WriteNull("next");
            w.WriteNumber("scanned", page.Scanned);
            w.WriteBoolean("budget_spent", page.BudgetSpent);
            w.WriteEndObject();
            await w.FlushAsync(ct).ConfigureAwait(false);
        }, "application/json; charset=utf-8");
    }
}
