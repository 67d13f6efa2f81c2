using ATTT.Monitor.Events.Wire.Agents;

namespace ATTT.Monitor.Agent.Sources.EventLog;

/// <summary>
/// Whether each configured channel can be read (ok, missing, error), shared by the channel readers
/// that set it and the posture probe that reports it (docs/protocol.md, posture <c>channels</c>).
/// A change is reported with the next posture check; an unchanged state is not logged again.
/// </summary>
internal sealed class ChannelStates
{
    private readonly Lock _gate = new();
    private readonly List<string> _order = [];
    private readonly Dictionary<string, ChannelState> _states = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sets the state; true when it changed (so the caller logs it once).</summary>
    public bool Set(string channel, string state, string? error = null)
    {
        lock (_gate)
        {
            var next = new ChannelState(channel, state, error is { Length: > 500 } ? error[..500] : error);
            if (_states.TryGetValue(channel, out var current) && current == next)
                return false;
            if (current is null)
                _order.Add(channel);
            _states[channel] = next;
            return true;
        }
    }

    public IReadOnlyList<ChannelState> Snapshot()
    {
        lock (_gate)
            return _order.Select(c => _states[c]).ToList();
    }
}
