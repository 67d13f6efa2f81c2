namespace ATTT.Monitor.Agent.Sources.EventLog;

/// <summary>Windows refused the channel's query or read (an invalid query, access denied, the service stopped): the message is Windows'.</summary>
internal sealed class EventLogQueryException(string message, Exception? inner = null) : Exception(message, inner);
