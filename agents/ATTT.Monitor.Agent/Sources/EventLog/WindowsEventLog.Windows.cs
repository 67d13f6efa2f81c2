using System.Diagnostics.Eventing.Reader;
using System.Runtime.Versioning;

namespace ATTT.Monitor.Agent.Sources.EventLog;

/// <summary>
/// <see cref="IEventLog"/> on Windows (System.Diagnostics.Eventing.Reader over wevtapi): EvtGetLogInfo
/// for the record range, EvtQuery with the structured query and EvtSeek after a bookmark made with
/// EvtCreateBookmark from <see cref="BookmarkXml"/>, EvtSubscribe (through EventLogWatcher) as the
/// wake-up. Compiled for win-x64 in CI; not run on Windows yet (docs/agent.md, "Not run on Windows").
/// </summary>
[SupportedOSPlatform("windows")]
internal sealed class WindowsEventLog : IEventLog
{
    public ChannelInfo Describe(string channel) => Windows(channel, () =>
    {
        using var session = new EventLogSession();
        var info = session.GetLogInformation(channel, PathType.LogName);
        return new ChannelInfo(info.OldestRecordNumber ?? 0, info.RecordCount ?? 0);
    });

    public IEventLogCursor Read(WindowsChannel channel, long afterRecordId) => Windows(channel.Name, () =>
    {
        var query = new EventLogQuery(channel.Name, PathType.LogName, channel.Query());
        // The reader seeks to the bookmark and starts after it; without the strict flag a bookmark whose
        // record was overwritten lands on the oldest record, and the wrap is counted from the log's range.
        var reader = afterRecordId > 0 ? new EventLogReader(query, new EventBookmark(BookmarkXml.For(channel.Name, afterRecordId))) : new EventLogReader(query);
        return (IEventLogCursor)new Cursor(reader, channel.Name);
    });

    public IDisposable Watch(WindowsChannel channel, Action changed) => Windows(channel.Name, () =>
    {
        var watcher = new EventLogWatcher(new EventLogQuery(channel.Name, PathType.LogName, channel.Query()));
        watcher.EventRecordWritten += (_, args) =>
        {
            args.EventRecord?.Dispose();
            changed();
        };
        watcher.Enabled = true;
        return (IDisposable)watcher;
    });

    private static T Windows<T>(string channel, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (EventLogNotFoundException ex)
        {
            throw new EventLogChannelMissingException(channel, ex);
        }
        catch (Exception ex) when (ex is EventLogException or UnauthorizedAccessException)
        {
            throw new EventLogQueryException($"Windows refused channel '{channel}': {ex.Message}", ex);
        }
    }

    private sealed class Cursor(EventLogReader reader, string channel) : IEventLogCursor
    {
        public bool TryRead(out LogRecord record)
        {
            record = default;
            var next = Windows(channel, reader.ReadEvent);
            if (next is null)
                return false;
            using (next)
                record = new LogRecord(next.RecordId ?? 0, next.ToXml(), next.Properties.Select(p => p.Value).ToList());
            return true;
        }

        public void Dispose() => reader.Dispose();
    }
}
