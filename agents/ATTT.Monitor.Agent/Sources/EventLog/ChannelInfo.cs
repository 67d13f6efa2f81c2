namespace ATTT.Monitor.Agent.Sources.EventLog;

/// <summary>What a channel holds now (EvtGetLogInfo: EvtLogOldestRecordNumber, EvtLogNumberOfLogRecords).</summary>
internal readonly record struct ChannelInfo(long OldestRecordId, long RecordCount)
{
    /// <summary>The newest record id, 0 when the log is empty.</summary>
    public long NewestRecordId => RecordCount > 0 ? OldestRecordId + RecordCount - 1 : 0;
}
