namespace ATTT.Monitor.Agent.Sources.EventLog;

/// <summary>What a channel reader hands the reading thread: an event, or a loss found before the next one.</summary>
internal readonly record struct EventLogItem(Events.EventRecord? Event, string Channel, Events.Wire.ChannelLoss? Loss);
