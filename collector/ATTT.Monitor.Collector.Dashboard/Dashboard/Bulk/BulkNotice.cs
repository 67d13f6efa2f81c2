using System.Text.Json;
using ATTT.Monitor.Collector.Incidents.Bulk;

namespace ATTT.Monitor.Collector.Dashboard.Bulk;

/// <summary>
/// What the list page says after a bulk change, carried across the redirect (post-redirect-get) in
/// TempData: counts, and the first <see cref="ShownFailures"/> failures with their reasons.
/// </summary>
public sealed record BulkNotice(string Action, int Changed, int Failed, long Matched, bool Capped, int FiltersAdded, IReadOnlyList<BulkNotice.Failure> Failures, string? ErrorMessage = null)
{
    public const int ShownFailures = 20;

    /// <summary>False-positive filters that already existed and were reused rather than added again.</summary>
    public int FiltersReused { get; init; }
    public const string TempDataKey = "bulk";

    public sealed record Failure(long Id, string Kind, string Message);

    public static BulkNotice From(BulkAction action, BulkOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new BulkNotice(action.ToText(), outcome.Changed.Count, outcome.Failed.Select(f => f.IncidentId).Distinct().Count(), outcome.Matched, outcome.Capped, outcome.FiltersAdded.Count,
            [.. outcome.Failed.Take(ShownFailures).Select(f => new Failure(f.IncidentId, f.Kind.ToString(), f.Message))])
        {
            FiltersReused = outcome.FiltersReused.Count,
        };
    }

    public static BulkNotice Error(string action, string message) => new(action, 0, 0, 0, false, 0, [], message);

    public string ToJson() => JsonSerializer.Serialize(this);

    public static BulkNotice? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
            return null;
        try
        {
            return JsonSerializer.Deserialize<BulkNotice>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The Vietnamese or the English half of a service's "vi / en" sentence.</summary>
    public static string Half(string message, bool english)
    {
        ArgumentNullException.ThrowIfNull(message);
        var cut = message.IndexOf(" / ", StringComparison.Ordinal);
        return cut < 0 ? message : english ? message[(cut + 3)..] : message[..cut];
    }
}
