namespace ATTT.Monitor.Agent.Sources.EventLog;

/// <summary>One record as Windows renders it: its record id, its XML (EvtRender) and its property values (EvtRenderEventValues).</summary>
internal readonly record struct LogRecord(long RecordId, string Xml, IReadOnlyList<object?> Values);
