namespace ATTT.Monitor.Agent.Sources.EventLog;

/// <summary>
/// The Windows event log service as the agent uses it, small enough to stand in for in tests: what a
/// channel holds, reading its records after a bookmark with the agent's structured query, and a
/// wake-up when records are written. Windows: <c>WindowsEventLog.Windows.cs</c>. Everything else of the
/// <c>windows</c> source (resume, gap and wrap detection, channel states) is OS-neutral and tested on
/// Linux with recorded event XML.
/// </summary>
internal interface IEventLog
{
    /// <summary>The channel's record range; <see cref="EventLogChannelMissingException"/> when it does not exist on this PC.</summary>
    ChannelInfo Describe(string channel);

    /// <summary>The records the channel's query selects after record <paramref name="afterRecordId"/> (0: from the oldest).</summary>
    IEventLogCursor Read(WindowsChannel channel, long afterRecordId);

    /// <summary>Calls <paramref name="changed"/> whenever the channel's query selects a new record; disposing stops it.</summary>
    IDisposable Watch(WindowsChannel channel, Action changed);
}
