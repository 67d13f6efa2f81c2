using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Events;
using Microsoft.AspNetCore.Mvc;

namespace ATTT.Monitor.Collector.Detection;

/// <summary>
/// <c>GET /api/v1/detection/status</c> for the dashboard: rules in service, rules not loaded with
/// reasons, the last refused reload, hit counts and the pipeline's counters.
/// </summary>
internal static class DetectionEndpoints
{
    public static IEndpointRouteBuilder MapDetectionApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/detection/status", ([FromServices] RuleCatalog catalog, [FromServices] DetectionStatistics stats) =>
        {
            var status = catalog.Status;
            var hits = stats.HitsByRule;
            return Results.Json(new
            {
                paths = status.Paths,
                version = status.Version,
                loaded_at = status.LoadedAt is { } loaded ? EventTime.Format(loaded) : null,
                last_attempt_at = status.LastAttemptAt is { } attempt ? EventTime.Format(attempt) : null,
                last_attempt_error = status.LastAttemptError,
                unsupported = status.UnsupportedCount,
                invalid = status.InvalidCount,
                diagnostics = status.Diagnostics,
                rules = status.Rules.Select(r => new
                {
                    id = r.Id, title = r.Title, level = r.Level, path = r.Path, correlation = r.IsCorrelation,
                    hits = hits.GetValueOrDefault(r.Id),
                }),
                pipeline = new
                {
                    checkpoint = stats.Checkpoint,
                    events_evaluated = stats.EventsEvaluated,
                    detections = stats.Detections,
                    evaluation_errors = stats.EvaluationErrors,
                    write_errors = stats.WriteErrors,
                    last_detection_latency_ms = stats.LastDetectionLatency.TotalMilliseconds,
                    last_error = stats.LastError,
                },
            });
        }).RequireAuthorization(AccessPolicies.Dashboard);
        return app;
    }
}
