using ATTT.Monitor.Collector.Posture;

namespace ATTT.Monitor.Collector.Dashboard.Workstations;

/// <summary>
/// The antivirus coverage a PC falls in, for the overview and the PC list filter. One class per PC,
/// the worst condition winning: no antivirus, then protection off, then old signatures.
/// </summary>
public enum PostureClass
{
    Protected = 0,
    RealtimeOff = 1,
    SignaturesOld = 2,
    None = 3,

    /// <summary>No posture report received yet (new agent, or an agent too old to send one).</summary>
    Unknown = 4,
}

internal static class PostureClasses
{
    /// <summary>The classes in the order the overview shows them.</summary>
    public static IReadOnlyList<PostureClass> All { get; } =
        [PostureClass.Protected, PostureClass.RealtimeOff, PostureClass.SignaturesOld, PostureClass.None, PostureClass.Unknown];

    public static PostureClass Of(PostureState? state)
    {
        if (state is null)
            return PostureClass.Unknown;
        if (state.Conditions.Contains(PostureCondition.NoAntivirus.Key))
            return PostureClass.None;
        if (state.Conditions.Contains(PostureCondition.ProtectionOff.Key))
            return PostureClass.RealtimeOff;
        return state.Conditions.Contains(PostureCondition.SignaturesOutdated.Key) ? PostureClass.SignaturesOld : PostureClass.Protected;
    }

    /// <summary>The value used in URLs (<c>/pcs?posture=realtime_off</c>) and in text keys.</summary>
    public static string ToText(this PostureClass value) => value switch
    {
        PostureClass.Protected => "protected",
        PostureClass.RealtimeOff => "realtime_off",
        PostureClass.SignaturesOld => "signatures_old",
        PostureClass.None => "none",
        _ => "unknown",
    };

    public static bool TryParse(string? text, out PostureClass value)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToText(), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = PostureClass.Unknown;
        return false;
    }
}
