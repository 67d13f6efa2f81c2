using System.Text;
using ATTT.Monitor.Collector.Ingest;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Posture;

/// <summary>
/// <c>POST /api/v1/posture</c> (docs/protocol.md): antivirus status from an enrolled agent. The PC is
/// the token's agent, never the body's; errors are <c>{"error", "field"}</c> as for the other agent calls.
/// </summary>
internal static class PostureEndpoints
{
    public static IEndpointRouteBuilder MapPostureEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/posture", PostAsync)
            .RequireAuthorization(AgentTokenDefaults.Policy)
            .RequireRateLimiting(IngestRateLimiting.AgentPolicy);
        return endpoints;
    }

    private static async Task<IResult> PostAsync(HttpContext context, PostureService service, IOptions<PostureOptions> options)
    {
        var agent = AgentClaims.GetIdentity(context.User);
        try
        {
            PostureReport report;
            string json;
            var limit = options.Value.MaxBodyBytes;
            using (var body = await RequestBody.ReadJsonAsync(context.Request, limit, limit, context.RequestAborted).ConfigureAwait(false))
            {
                report = AgentProtocolReader.ReadPosture(body.Memory);
                json = Encoding.UTF8.GetString(body.Memory.Span);
            }

            if (!string.Equals(report.AgentId, agent.AgentId, StringComparison.Ordinal))
                throw new WireFormatException("agent_id", "agent_id does not match the agent the token belongs to.");
            await service.RecordAsync(agent, report, json, context.RequestAborted).ConfigureAwait(false);
            return Results.Json(new { });
        }
        catch (WireFormatException ex)
        {
            return Results.Json(new { error = ex.Message, field = ex.Field }, statusCode: StatusCodes.Status400BadRequest);
        }
        catch (IngestRejection ex)
        {
            return ex.HasBody ? Results.Json(new { error = ex.Message }, statusCode: ex.Status) : Results.StatusCode(ex.Status);
        }
    }
}
