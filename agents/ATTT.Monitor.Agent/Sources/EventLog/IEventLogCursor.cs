namespace ATTT.Monitor.Agent.Sources.EventLog;

/// <summary>Records of one channel read in order; false once there are none left for now.</summary>
internal interface IEventLogCursor : IDisposable
{
    bool TryRead(out LogRecord record);
}
