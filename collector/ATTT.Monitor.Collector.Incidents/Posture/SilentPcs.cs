namespace ATTT.Monitor.Collector.Posture;

/// <summary>
/// The PCs silent in working hours as of the last check of <see cref="SilenceMonitor"/>, for the
/// dashboard (the PC list and overview show them as a posture problem). Held in memory: the check
/// runs every minute and at start.
/// </summary>
public sealed class SilentPcs
{
    private IReadOnlyList<SilentPc> _current = [];

    public IReadOnlyList<SilentPc> Current => Volatile.Read(ref _current);

    public DateTimeOffset? CheckedAt { get; private set; }

    internal void Replace(IReadOnlyList<SilentPc> silent, DateTimeOffset at)
    {
        Volatile.Write(ref _current, silent);
        CheckedAt = at;
    }
}
