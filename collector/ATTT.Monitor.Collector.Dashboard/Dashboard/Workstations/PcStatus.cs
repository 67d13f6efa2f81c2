namespace ATTT.Monitor.Collector.Dashboard.Workstations;

/// <summary>Whether a PC's agent is heard from, by the same threshold that opens "agent silent" incidents.</summary>
public enum PcStatus
{
    Online = 0,
    Silent = 1,
    NeverSeen = 2,
    Revoked = 3,
}

internal static class PcStatuses
{
    public static IReadOnlyList<PcStatus> All { get; } = [PcStatus.Online, PcStatus.Silent, PcStatus.NeverSeen, PcStatus.Revoked];

    /// <summary>The value used in URLs (<c>/pcs?status=silent</c>) and in text keys.</summary>
    public static string ToText(this PcStatus value) => value switch
    {
        PcStatus.Online => "online",
        PcStatus.Silent => "silent",
        PcStatus.NeverSeen => "never_seen",
        _ => "revoked",
    };

    public static bool TryParse(string? text, out PcStatus value)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToText(), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = PcStatus.Online;
        return false;
    }
}
