using System.Text.RegularExpressions;
using ATTT.Monitor.Agent.Sources;
using ATTT.Monitor.Agent.Sources.EventLog;

namespace ATTT.Monitor.Agent.Tests.Support;

/// <summary>
/// The event log service played back from recorded event XML (the shape EvtRender gives): per channel
/// a list of records with chosen record ids, so a test can skip ids, overwrite the oldest records (a
/// wrap) or leave a channel out (not installed). Reads honour the channel's event id filter, as the
/// structured query does on Windows, and start after the record id the bookmark names.
/// </summary>
internal sealed class RecordedEventLog : IEventLog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<(long Id, int EventId)>> _channels = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Channel, Action Changed)> _watchers = [];

    public string? RefuseQueryWith { get; set; }

    public void Add(string channel, int eventId, params long[] recordIds)
    {
        List<Action> wake;
        lock (_gate)
        {
            if (!_channels.TryGetValue(channel, out var records))
                _channels[channel] = records = [];
            records.AddRange(recordIds.Select(id => (id, eventId)));
            wake = _watchers.Where(w => string.Equals(w.Channel, channel, StringComparison.OrdinalIgnoreCase)).Select(w => w.Changed).ToList();
        }

        foreach (var changed in wake)
            changed();
    }

    /// <summary>The log overwrote its records older than <paramref name="oldest"/>.</summary>
    public void Overwrite(string channel, long oldest)
    {
        lock (_gate)
            _channels[channel].RemoveAll(r => r.Id < oldest);
    }

    public ChannelInfo Describe(string channel)
    {
        lock (_gate)
        {
            if (RefuseQueryWith is { } refusal)
                throw new EventLogQueryException(refusal);
            if (!_channels.TryGetValue(channel, out var records))
                throw new EventLogChannelMissingException(channel);
            return records.Count == 0 ? new ChannelInfo(0, 0) : new ChannelInfo(records[0].Id, records[^1].Id - records[0].Id + 1);
        }
    }

    public IEventLogCursor Read(WindowsChannel channel, long afterRecordId)
    {
        lock (_gate)
        {
            var selected = _channels[channel.Name].Where(r => r.Id > afterRecordId && channel.EventIds.Selects(r.EventId)).ToList();
            return new Cursor(new Queue<LogRecord>(selected.Select(r => new LogRecord(r.Id, Xml(channel.Name, r.EventId, r.Id), []))));
        }
    }

    public IDisposable Watch(WindowsChannel channel, Action changed)
    {
        lock (_gate)
            _watchers.Add((channel.Name, changed));
        return new Unwatch();
    }

    /// <summary>The recorded System 7036 event, made into the channel, event id and record id asked for.</summary>
    private static string Xml(string channel, int eventId, long recordId)
    {
        var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sources", "Recorded", "system-7036.xml"));
        xml = Regex.Replace(xml, "<EventRecordID>\\d+</EventRecordID>", $"<EventRecordID>{recordId}</EventRecordID>");
        xml = Regex.Replace(xml, "(<EventID[^>]*>)\\d+(</EventID>)", $"${{1}}{eventId}$2");
        return xml.Replace("<Channel>System</Channel>", $"<Channel>{channel}</Channel>", StringComparison.Ordinal);
    }

    private sealed class Cursor(Queue<LogRecord> records) : IEventLogCursor
    {
        public bool TryRead(out LogRecord record) => records.TryDequeue(out record);

        public void Dispose()
        {
        }
    }

    private sealed class Unwatch : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
