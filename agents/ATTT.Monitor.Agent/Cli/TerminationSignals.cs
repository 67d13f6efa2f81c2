using System.Runtime.InteropServices;

namespace ATTT.Monitor.Agent.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM stop a command gracefully: its token is cancelled and the process
/// waits for it to finish; one that has not finished <see cref="Grace"/> later ends with the
/// signal's conventional exit code (130, 143). What System.CommandLine's invocation did for the agent.
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);
    private readonly CancellationTokenSource _cancel = new();
    private readonly TaskCompletionSource<int> _forced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public TerminationSignals()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    public CancellationToken Token => _cancel.Token;

    /// <summary>130 after SIGINT, 143 after SIGTERM, null while no signal came.</summary>
    public int? SignalExitCode { get; private set; }

    /// <summary>The command's exit code, or the signal's when the command outlives the grace period after it.</summary>
    public async Task<int> WaitAsync(Task<int> command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var first = await Task.WhenAny(command, _forced.Task).ConfigureAwait(false);
        return await first.ConfigureAwait(false);
    }

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _cancel.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // the command ends itself; the process is not torn down under it
        var code = context.Signal == PosixSignal.SIGINT ? 130 : 143;
        SignalExitCode ??= code;
        _cancel.Cancel();
        _ = Task.Delay(Grace).ContinueWith(_ => _forced.TrySetResult(code), TaskScheduler.Default);
    }
}
