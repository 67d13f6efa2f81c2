using System.Security.Claims;
using ATTT.Monitor.Collector.Access;
using Microsoft.AspNetCore.WebUtilities;

namespace ATTT.Monitor.Collector.Incidents.Bulk;

/// <summary><c>POST /api/v1/incidents/bulk</c>: one change to many incidents (<see cref="IncidentBulkService"/>).</summary>
internal static class IncidentBulkEndpoints
{
    public static RouteGroupBuilder MapIncidentBulk(this RouteGroupBuilder group)
    {
        group.MapPost("/bulk", RunAsync).RequireAuthorization(IncidentsEndpoints.TriagePolicy);
        return group;
    }

    private static async Task<IResult> RunAsync(BulkRequest body, ClaimsPrincipal user, IncidentBulkService service, CancellationToken ct)
    {
        try
        {
            var selection = Selection(body);
            var outcome = await service.RunAsync(Caller.FromUser(user), selection, Command(body), ct).ConfigureAwait(false);
            return Results.Json(new
            {
                matched = outcome.Matched,
                capped = outcome.Capped,
                max = IncidentBulkService.MaxIncidents,
                changed = outcome.Changed,
                failed = outcome.Failed.Select(f => new { id = f.IncidentId, reason = FailureText(f.Kind), message = f.Message }),
                filters_added = outcome.FiltersAdded,
                filters_reused = outcome.FiltersReused,
            });
        }
        catch (InvalidIncidentCommandException ex)
        {
            return Results.Json(new { error = ex.Message, field = ex.Field }, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (AccessRefusedException ex)
        {
            return Results.Json(new { error = ex.Message, field = (string?)null }, statusCode: StatusCodes.Status403Forbidden);
        }
    }

    private static string FailureText(BulkFailureKind kind) => kind switch
    {
        BulkFailureKind.NotFound => "not_found",
        BulkFailureKind.NotAllowed => "not_allowed",
        _ => "suppression_failed",
    };

    private static BulkSelection Selection(BulkRequest body)
    {
        if (body.Filter is not null)
            return BulkSelection.Matching(IncidentQueryParser.Parse(new QueryCollection(QueryHelpers.ParseQuery(body.Filter))));
        if (body.Ids is not { Count: > 0 } ids)
            throw new InvalidIncidentCommandException("Chưa chọn sự cố nào / give ids or a filter.", "ids");
        return BulkSelection.Of(ids);
    }

    private static BulkCommand Command(BulkRequest body)
    {
        if (!BulkActions.TryParse(body.Action, out var action))
            throw new InvalidIncidentCommandException($"Thao tác không hợp lệ / action must be assign, state, false_positive or comment, not '{body.Action}'.", "action");
        IncidentState? state = null;
        if (action == BulkAction.ChangeState)
            state = IncidentText.TryParseState(body.State, out var s) ? s : throw new InvalidIncidentCommandException($"unknown state '{body.State}'", "state");
        return new BulkCommand(action, body.Assignee, state, body.Text, body.Suppress);
    }
}
