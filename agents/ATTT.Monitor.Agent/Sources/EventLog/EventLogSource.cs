using System.Threading.Channels;
using ATTT.Monitor.Agent.Spool;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Sources.EventLog;

/// <summary>
/// <c>windows</c>: reads the configured event log channels, each with its structured query
/// (<see cref="WindowsChannel.Query"/>) after the bookmark of the last record the collector
/// acknowledged, and waits for new records with a watcher used only as a wake-up (plus a slow poll),
/// so no record is read twice and none is skipped. Records the agent can no longer read (log
/// overwritten, ids skipped) are counted as losses (<see cref="ChannelGapTracker"/>). A channel that
/// does not exist (Sysmon not installed) or whose query Windows refuses is reported once in
/// <see cref="ChannelStates"/> and logged once, then checked again quietly.
/// </summary>
internal sealed class EventLogSource : IEventSource
{
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MissingChannelRetry = TimeSpan.FromMinutes(5);
    private readonly IEventLog _log;
    private readonly IReadOnlyList<WindowsChannel> _channels;
    private readonly ChannelStates _states;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public EventLogSource(IEventLog log, IReadOnlyList<WindowsChannel> channels, ChannelStates states, TimeProvider time, ILogger logger)
    {
        _log = log;
        _channels = channels;
        _states = states;
        _time = time;
        _logger = logger;
    }

    public bool IsFinite => false;

    public IEventStream Open(string? resumeAfter)
    {
        var position = WindowsPosition.Parse(resumeAfter);
        var merged = Channel.CreateBounded<EventLogItem>(new BoundedChannelOptions(1000) { SingleReader = true });
        var stop = new CancellationTokenSource();
        var readers = _channels.Select(c => Task.Run(() => ReadChannelAsync(c, position.After(c.Name), merged.Writer, stop.Token), stop.Token)).ToList();
        return new EventLogStream(merged.Reader, position, readers, stop);
    }

    private async Task ReadChannelAsync(WindowsChannel channel, long after, ChannelWriter<EventLogItem> output, CancellationToken cancellationToken)
    {
        var wake = new AsyncSignal();
        var filtered = channel.EventIds.Included.Count > 0 || channel.EventIds.Excluded.Count > 0;
        var tracker = new ChannelGapTracker(channel.Name, filtered, after, _time);
        IDisposable? watcher = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var changed = wake.Current;
                TimeSpan pause;
                try
                {
                    var info = _log.Describe(channel.Name);
                    watcher ??= _log.Watch(channel, wake.Set);
                    if (_states.Set(channel.Name, Events.Wire.Agents.ChannelState.Ok))
                        _logger.LogInformation("Reading event log channel {Channel}.", channel.Name);
                    if (tracker.Check(info) is { } loss)
                        await LostAsync(loss, output, cancellationToken).ConfigureAwait(false);
                    await DrainAsync(channel, tracker, output, cancellationToken).ConfigureAwait(false);
                    tracker.ReachedEnd(info.NewestRecordId);
                    pause = Poll;
                }
                catch (EventLogChannelMissingException ex)
                {
                    watcher?.Dispose();
                    watcher = null;
                    if (_states.Set(channel.Name, Events.Wire.Agents.ChannelState.Missing))
                    {
                        if (channel.Optional)
                            _logger.LogInformation("Event log channel {Channel} is not installed on this PC; reported once, checked again every {Delay}.", channel.Name, MissingChannelRetry);
                        else
                            _logger.LogWarning("{Reason} Reported in posture; checked again every {Delay}.", ex.Message, MissingChannelRetry);
                    }

                    pause = MissingChannelRetry;
                }
                catch (EventLogQueryException ex)
                {
                    if (_states.Set(channel.Name, Events.Wire.Agents.ChannelState.Failed, ex.Message))
                        _logger.LogError("Reading event log channel {Channel} failed: {Reason} (reported in posture; tried again every {Delay}).", channel.Name, ex.Message, Poll);
                    pause = Poll;
                }

                await Task.WhenAny(changed, Task.Delay(pause, _time, cancellationToken)).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            watcher?.Dispose();
        }
    }

    private async Task LostAsync(Events.Wire.ChannelLoss loss, ChannelWriter<EventLogItem> output, CancellationToken cancellationToken)
    {
        _logger.LogWarning("Event log channel {Channel}: records {First} to {Last} ({Records}) can no longer be read ({Kind}); reported to the collector.",
            loss.Channel, loss.FirstRecordId, loss.LastRecordId, loss.Records, loss.Kind);
        await output.WriteAsync(new EventLogItem(null, loss.Channel, loss), cancellationToken).ConfigureAwait(false);
    }

    private async Task DrainAsync(WindowsChannel channel, ChannelGapTracker tracker, ChannelWriter<EventLogItem> output, CancellationToken cancellationToken)
    {
        using var cursor = _log.Read(channel, tracker.LastRead);
        while (!cancellationToken.IsCancellationRequested && cursor.TryRead(out var record))
        {
            if (tracker.Read(record.RecordId) is { } gap)
                await LostAsync(gap, output, cancellationToken).ConfigureAwait(false);
            Events.EventRecord parsed;
            try
            {
                parsed = EventXmlParser.Parse(record.Xml, record.Values);
            }
            catch (FormatException ex)
            {
                _logger.LogWarning("Event {RecordId} of {Channel} skipped: {Reason}", record.RecordId, channel.Name, ex.Message);
                continue;
            }

            await output.WriteAsync(new EventLogItem(parsed, channel.Name, null), cancellationToken).ConfigureAwait(false);
        }
    }
}
