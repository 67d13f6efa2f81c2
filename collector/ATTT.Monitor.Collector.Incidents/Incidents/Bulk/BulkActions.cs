namespace ATTT.Monitor.Collector.Incidents.Bulk;

/// <summary>The wire names of <see cref="BulkAction"/> (API bodies, form values).</summary>
public static class BulkActions
{
    public static string ToText(this BulkAction action) => action switch
    {
        BulkAction.Assign => "assign",
        BulkAction.ChangeState => "state",
        BulkAction.FalsePositive => "false_positive",
        BulkAction.Comment => "comment",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown bulk action."),
    };

    public static bool TryParse(string? text, out BulkAction action)
    {
        foreach (var candidate in Enum.GetValues<BulkAction>())
        {
            if (string.Equals(candidate.ToText(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                action = candidate;
                return true;
            }
        }

        action = default;
        return false;
    }
}
