using ATTT.Monitor.Agent.Configuration;
using ATTT.Monitor.Agent.Memory;
using ATTT.Monitor.Agent.Posture;
using ATTT.Monitor.Agent.Sources;
using ATTT.Monitor.Agent.Spool;
using ATTT.Monitor.Agent.State;
using ATTT.Monitor.Agent.Transport;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Pipeline;

/// <summary>
/// <c>attt-agent run</c>: opens the state folder (checkpoint, spool, credentials), enrolls if needed,
/// then runs the reader (source to spool), the sender (spool to collector), heartbeats and posture
/// until stopped, or, with <c>--exit-when-drained</c>, until a finite source is fully acknowledged.
/// </summary>
internal sealed class AgentRunner(AgentSettings settings, ILoggerFactory loggers, IPostureProbe? posture)
{
    private readonly ILogger _logger = loggers.CreateLogger("attt-agent");

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var stateDirectory = settings.StateDirectory ?? throw new ArgumentException("No state folder given (--state or 'state:' in the configuration).");
        var collector = settings.Collector ?? throw new ArgumentException("No collector URL given (--collector or 'collector:' in the configuration).");
        Directory.CreateDirectory(stateDirectory);
        var channelStates = new Sources.EventLog.ChannelStates();
        var source = SourceFactory.Create(settings, loggers.CreateLogger("source"), channelStates);
        if (settings.ExitWhenDrained && !source.IsFinite)
            throw new ArgumentException("--exit-when-drained needs a finite source (evtx:PATH or jsonl:PATH).");

        var checkpoint = CheckpointStore.Open(stateDirectory);
        using var spool = DiskSpool.Open(Path.Combine(stateDirectory, "spool"), settings.Spool, checkpoint.Current.AckedSequence,
            dropped => checkpoint.Update(c => c with { DroppedPending = c.DroppedPending + dropped, DroppedTotal = c.DroppedTotal + dropped }),
            loggers.CreateLogger("spool"));
        using var client = new CollectorClient(collector, settings.Transport, loggers.CreateLogger("transport"));
        var credentials = await CredentialsAsync(stateDirectory, client, cancellationToken).ConfigureAwait(false);

        var start = checkpoint.Current;
        var sequence = new SequenceCounter(Math.Max(spool.LastSequence, start.AckedSequence));
        var resumeAfter = spool.LastSequence > start.AckedSequence ? spool.LastPosition : start.AckedPosition;
        _logger.LogInformation("Agent {AgentId} started: source {Source}, {Depth} events waiting in the spool, last acknowledged batch {Acked}.",
            credentials.AgentId, settings.Source, spool.Statistics.DepthEvents, start.AckedSequence);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batcher = new EventBatcher(source, spool, sequence, settings.Pipeline);
        var reading = batcher.RunAsync(resumeAfter, stop.Token);
        var sender = new BatchSender(spool, checkpoint, client, credentials, sequence, settings.Pipeline,
            Path.Combine(stateDirectory, "quarantine"), loggers.CreateLogger("sender"));
        var sending = sender.RunAsync(settings.ExitWhenDrained ? reading.ContinueWith(_ => { }, TaskScheduler.Default) : null, stop.Token);
        var background = new List<Task>
        {
            new HeartbeatLoop(client, credentials, spool, checkpoint, settings.Pipeline.HeartbeatInterval, loggers.CreateLogger("heartbeat"))
                .RunAsync(stop.Token),
            new HeapTrimSchedule().RunAsync(stop.Token),
        };
        if (posture is not null)
        {
            background.Add(new PostureLoop(posture, client, credentials, settings.Pipeline.PostureCheck, settings.Pipeline.PosturePoll,
                TimeProvider.System, loggers.CreateLogger("posture"), channelStates).RunAsync(stop.Token));
        }

        try
        {
            var first = await Task.WhenAny([reading, sending, .. background]).ConfigureAwait(false);
            // A finite source that has been read to its end does not end the run: the sender still
            // has the spool to deliver, and heartbeats and posture go on until the agent is stopped
            // (or, with --exit-when-drained, until the sender has had every event acknowledged).
            if (first == reading && !reading.IsFaulted && !reading.IsCanceled)
                first = await Task.WhenAny([sending, .. background]).ConfigureAwait(false);
            await first.ConfigureAwait(false); // a failed loop ends the run with its error
            if (first == sending && settings.ExitWhenDrained)
                _logger.LogInformation("Every event read ({Count}) has been acknowledged by the collector.", batcher.EventsRead);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll([reading, sending, .. background]).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<AgentCredentials> CredentialsAsync(string stateDirectory, CollectorClient client, CancellationToken cancellationToken)
    {
        var store = new CredentialStore(stateDirectory, CredentialStore.PlatformProtector());
        var saved = store.Load();
        if (settings.TokenFile is { } tokenFile)
            return CredentialStore.ReadTokenFile(tokenFile, saved?.AgentId);
        if (saved is not null)
            return saved;
        var code = settings.EnrollCode ?? throw new ArgumentException("This agent is not enrolled yet: give --enroll-code CODE (from 'attt agents enroll-code') or --token-file FILE.");
        var enrolled = await client.EnrollAsync(code, HostInventory.Collect(), cancellationToken).ConfigureAwait(false);
        store.Save(enrolled);
        _logger.LogInformation("Enrolled as agent {AgentId} of unit {Unit}.", enrolled.AgentId, enrolled.Unit);
        return new AgentCredentials(enrolled.AgentId, enrolled.Token);
    }
}
