namespace ATTT.Monitor.Agent.Spool;

/// <summary>Wakes waiters when something changed (new batch, ack); cheap, never lost between check and wait.</summary>
internal sealed class AsyncSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The task to await; take it before checking the condition you wait for.</summary>
    public Task Current
    {
        get
        {
            lock (_gate)
                return _next.Task;
        }
    }

    public void Set()
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            done = _next;
            _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        done.TrySetResult();
    }
}
