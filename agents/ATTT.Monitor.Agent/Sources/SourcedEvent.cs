using ATTT.Monitor.Events;

namespace ATTT.Monitor.Agent.Sources;

/// <summary>An event and the source position to resume after it (serialized only when a batch is cut).</summary>
public readonly record struct SourcedEvent(EventRecord Event, ISourcePosition Position);
