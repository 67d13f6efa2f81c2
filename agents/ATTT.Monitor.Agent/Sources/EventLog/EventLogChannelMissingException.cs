namespace ATTT.Monitor.Agent.Sources.EventLog;

/// <summary>The channel does not exist on this PC (Sysmon not installed, a typo in the configuration).</summary>
internal sealed class EventLogChannelMissingException(string channel, Exception? inner = null)
    : Exception($"The event log channel '{channel}' does not exist on this PC.", inner);
