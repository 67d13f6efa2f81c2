using System.Diagnostics.Eventing.Reader;
using System.Runtime.Versioning;
using System.Threading.Channels;
using ATTT.Monitor.Agent.Spool;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Sources;

/// <summary>
/// <c>windows</c>: reads the configured event log channels with XPath queries "after the last record
/// id" (the position saved once the collector acknowledged), and waits for new events with an
/// <see cref="EventLogWatcher"/> used only as a wake-up (plus a slow poll), so no event is read twice
/// and none is skipped. Each event's XML is decoded by <see cref="EventXmlParser"/>.
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class WindowsEventSource : IEventSource
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MissingChannelRetry = TimeSpan.FromMinutes(5);
    private readonly IReadOnlyList<WindowsChannel> _channels;
    private readonly ILogger _logger;

    public WindowsEventSource(IReadOnlyList<WindowsChannel> channels, ILogger logger)
    {
        _channels = channels;
        _logger = logger;
    }

    public bool IsFinite => false;

    public IEventStream Open(string? resumeAfter)
    {
        var position = WindowsPosition.Parse(resumeAfter);
        var merged = Channel.CreateBounded<(Events.EventRecord Event, string Channel)>(new BoundedChannelOptions(1000) { SingleReader = true });
        var stop = new CancellationTokenSource();
        var readers = _channels.Select(c => Task.Run(() => ReadChannelAsync(c, position.After(c.Name), merged.Writer, stop.Token), stop.Token)).ToList();
        return new WindowsEventStream(merged.Reader, position, readers, stop);
    }

    private async Task ReadChannelAsync(WindowsChannel channel, long after, ChannelWriter<(Events.EventRecord, string)> output, CancellationToken cancellationToken)
    {
        var wake = new AsyncSignal();
        EventLogWatcher? watcher = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var changed = wake.Current;
                try
                {
                    watcher ??= Watch(channel, wake);
                    after = await DrainAsync(channel, after, output, cancellationToken).ConfigureAwait(false);
                    await Task.WhenAny(changed, Task.Delay(Poll, cancellationToken)).ConfigureAwait(false);
                }
                catch (EventLogNotFoundException) when (channel.Optional)
                {
                    _logger.LogInformation("Event log channel {Channel} is not installed; checking again in {Delay}.", channel.Name, MissingChannelRetry);
                    await Task.Delay(MissingChannelRetry, cancellationToken).ConfigureAwait(false);
                }
                catch (EventLogException ex)
                {
                    _logger.LogError("Reading event log channel {Channel} failed: {Reason}", channel.Name, ex.Message);
                    await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
                }
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

    private static EventLogWatcher Watch(WindowsChannel channel, AsyncSignal wake)
    {
        var watcher = new EventLogWatcher(new EventLogQuery(channel.Name, PathType.LogName, channel.Query(0)));
        watcher.EventRecordWritten += (_, args) =>
        {
            args.EventRecord?.Dispose();
            wake.Set();
        };
        watcher.Enabled = true;
        return watcher;
    }

    private async Task<long> DrainAsync(WindowsChannel channel, long after, ChannelWriter<(Events.EventRecord, string)> output, CancellationToken cancellationToken)
    {
        using var reader = new EventLogReader(new EventLogQuery(channel.Name, PathType.LogName, channel.Query(after)));
        while (!cancellationToken.IsCancellationRequested)
        {
            using var record = reader.ReadEvent();
            if (record is null)
                break;
            Events.EventRecord parsed;
            try
            {
                parsed = EventXmlParser.Parse(record.ToXml(), record.Properties.Select(p => p.Value).ToList());
            }
            catch (FormatException ex)
            {
                _logger.LogWarning("Event {RecordId} of {Channel} skipped: {Reason}", record.RecordId, channel.Name, ex.Message);
                after = record.RecordId ?? after;
                continue;
            }

            await output.WriteAsync((parsed, channel.Name), cancellationToken).ConfigureAwait(false);
            after = Math.Max(after, parsed.RecordId);
        }

        return after;
    }
}
