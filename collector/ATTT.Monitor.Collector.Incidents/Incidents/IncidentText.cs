namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// The stored and wire spellings of states and severities (snake_case English), their names for
/// people (the one table of them: the dashboard, the mails and the reports all read it), and the
/// mapping from Sigma rule levels.
/// </summary>
public static class IncidentText
{
    public static string ToText(this IncidentState state) => state switch
    {
        IncidentState.New => "new",
        IncidentState.InProgress => "in_progress",
        IncidentState.Resolved => "resolved",
        IncidentState.Closed => "closed",
        IncidentState.FalsePositive => "false_positive",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown incident state."),
    };

    public static string ToText(this IncidentSeverity severity) => severity switch
    {
        IncidentSeverity.Low => "low",
        IncidentSeverity.Medium => "medium",
        IncidentSeverity.High => "high",
        IncidentSeverity.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown incident severity."),
    };

    public static string ToVietnamese(this IncidentState state) => state switch
    {
        IncidentState.New => "mới",
        IncidentState.InProgress => "đang xử lý",
        IncidentState.Resolved => "đã khắc phục",
        IncidentState.Closed => "đã đóng",
        IncidentState.FalsePositive => "cảnh báo nhầm",
        _ => state.ToText(),
    };

    public static string ToVietnamese(this IncidentSeverity severity) => severity switch
    {
        IncidentSeverity.Low => "thấp",
        IncidentSeverity.Medium => "trung bình",
        IncidentSeverity.High => "cao",
        IncidentSeverity.Critical => "nghiêm trọng",
        _ => severity.ToText(),
    };

    public static string ToEnglish(this IncidentState state) => state switch
    {
        IncidentState.New => "new",
        IncidentState.InProgress => "in progress",
        IncidentState.Resolved => "resolved",
        IncidentState.Closed => "closed",
        IncidentState.FalsePositive => "false positive",
        _ => state.ToText(),
    };

    public static string ToEnglish(this IncidentSeverity severity) => severity switch
    {
        IncidentSeverity.Low => "low",
        IncidentSeverity.Medium => "medium",
        IncidentSeverity.High => "high",
        IncidentSeverity.Critical => "critical",
        _ => severity.ToText(),
    };

    public static bool TryParseState(string? text, out IncidentState state)
    {
        foreach (var candidate in Enum.GetValues<IncidentState>())
        {
            if (string.Equals(candidate.ToText(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                state = candidate;
                return true;
            }
        }

        state = default;
        return false;
    }

    public static bool TryParseSeverity(string? text, out IncidentSeverity severity)
    {
        foreach (var candidate in Enum.GetValues<IncidentSeverity>())
        {
            if (string.Equals(candidate.ToText(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                severity = candidate;
                return true;
            }
        }

        severity = default;
        return false;
    }

    /// <summary>Sigma <c>level</c>: informational and low are low; unknown or missing is medium.</summary>
    public static IncidentSeverity FromRuleLevel(string? level) => level?.Trim().ToLowerInvariant() switch
    {
        "informational" or "low" => IncidentSeverity.Low,
        "medium" => IncidentSeverity.Medium,
        "high" => IncidentSeverity.High,
        "critical" => IncidentSeverity.Critical,
        _ => IncidentSeverity.Medium,
    };
}
