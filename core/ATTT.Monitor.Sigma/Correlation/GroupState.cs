using ATTT.Monitor.Events;
using ATTT.Monitor.Sigma.Correlation.Windows;

namespace ATTT.Monitor.Sigma.Correlation;

/// <summary>One group of one correlation: its window, and the last event that joined it (reported when the window closes).</summary>
internal sealed class GroupState(string key, string? scope, IReadOnlyList<string> groupValues, GroupWindow window)
{
    public string Key => key;
    public string? Scope => scope;
    public IReadOnlyList<string> GroupValues => groupValues;
    public GroupWindow Window => window;
    public DateTimeOffset LastSeen;

    /// <summary>For windows decided at their end: when the window opened (null while none is open).</summary>
    public DateTimeOffset? WindowStart;

    /// <summary>Tells a queued window end from a later window of the same group.</summary>
    public long WindowGeneration;

    public IFieldLookup? LastEvent;
    public DateTimeOffset LastTime;
}
