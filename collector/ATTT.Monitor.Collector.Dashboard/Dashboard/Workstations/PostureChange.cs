using ATTT.Monitor.Collector.Posture;

namespace ATTT.Monitor.Collector.Dashboard.Workstations;

/// <summary>One recorded posture state and how long it held (until the next change, or until now when <see cref="Current"/>).</summary>
public sealed record PostureChange(PostureState State, TimeSpan Lasted, bool Current)
{
    /// <summary>History rows come newest first; each lasted until the row before it was received.</summary>
    public static IReadOnlyList<PostureChange> FromHistory(IReadOnlyList<PostureState> newestFirst, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        var changes = new List<PostureChange>(newestFirst.Count);
        var until = now;
        for (var i = 0; i < newestFirst.Count; i++)
        {
            var state = newestFirst[i];
            var lasted = until - state.ReceivedAt;
            changes.Add(new PostureChange(state, lasted < TimeSpan.Zero ? TimeSpan.Zero : lasted, i == 0));
            until = state.ReceivedAt;
        }

        return changes;
    }
}
