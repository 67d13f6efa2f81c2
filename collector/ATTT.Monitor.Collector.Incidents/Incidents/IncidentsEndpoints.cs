using System.Security.Claims;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Incidents.Bulk;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// The incidents JSON API the dashboard uses. Every route requires the <see cref="DashboardPolicy"/>
/// and sees only the caller's units (<see cref="UnitScope.FromUser"/>); errors are
/// <c>{"error": sentence, "field": name}</c> as in docs/protocol.md.
/// </summary>
internal static class IncidentsEndpoints
{
    /// <summary>Defined by the dashboard area; the incidents area only requires an authenticated user until then.</summary>
    public const string DashboardPolicy = AccessPolicies.Dashboard;

    /// <summary>Changing an incident (assign, comment, state): admin and officer only; a viewer reads.</summary>
    public const string TriagePolicy = AccessPolicies.Triage;

    public static IEndpointRouteBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/incidents").RequireAuthorization(DashboardPolicy);
        group.MapGet("", ListAsync);
        group.MapGet("/{id:long}", GetAsync);
        group.MapPost("/{id:long}/assign", (long id, AssignRequest body, ClaimsPrincipal user, IIncidentService service, CancellationToken ct) =>
            RunAsync(async () => IncidentJson.From(await service.AssignAsync(id, body.Assignee, Actor(user), UnitScope.FromUser(user), ct).ConfigureAwait(false))))
            .RequireAuthorization(TriagePolicy);
        group.MapPost("/{id:long}/comment", (long id, CommentRequest body, ClaimsPrincipal user, IIncidentService service, CancellationToken ct) =>
            RunAsync(async () => IncidentJson.From(await service.CommentAsync(id, body.Text ?? "", Actor(user), UnitScope.FromUser(user), ct).ConfigureAwait(false))))
            .RequireAuthorization(TriagePolicy);
        group.MapPost("/{id:long}/state", (long id, StateRequest body, ClaimsPrincipal user, IIncidentService service, CancellationToken ct) =>
            RunAsync(async () =>
            {
                if (!IncidentText.TryParseState(body.State, out var state))
                    throw new InvalidIncidentCommandException($"unknown state '{body.State}'", "state");
                return IncidentJson.From(await service.ChangeStateAsync(id, state, body.Note, Actor(user), UnitScope.FromUser(user), ct).ConfigureAwait(false));
            })).RequireAuthorization(TriagePolicy);
        group.MapIncidentBulk();
        return app;
    }

    private static Task<IResult> ListAsync(HttpRequest request, ClaimsPrincipal user, IIncidentService service, CancellationToken ct) =>
        RunAsync(async () => IncidentJson.From(await service.QueryAsync(IncidentQueryParser.Parse(request.Query), UnitScope.FromUser(user), ct).ConfigureAwait(false)));

    private static async Task<IResult> GetAsync(long id, ClaimsPrincipal user, IIncidentService service, CancellationToken ct)
    {
        var detail = await service.GetAsync(id, UnitScope.FromUser(user), ct).ConfigureAwait(false);
        return detail is null ? NotFound(id) : Results.Json(IncidentJson.From(detail));
    }

    private static async Task<IResult> RunAsync(Func<Task<object>> action)
    {
        try
        {
            return Results.Json(await action().ConfigureAwait(false));
        }
        catch (IncidentNotFoundException ex)
        {
            return NotFound(ex.IncidentId);
        }
        catch (InvalidIncidentCommandException ex)
        {
            var status = ex.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Results.Json(new { error = ex.Message, field = ex.Field }, statusCode: status);
        }
    }

    private static IResult NotFound(long id) =>
        Results.Json(new { error = $"Không có sự cố {id} / incident {id} does not exist.", field = "id" }, statusCode: StatusCodes.Status404NotFound);

    private static string Actor(ClaimsPrincipal user) =>
        user.Identity?.Name ?? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
}
