using ATTT.Monitor.Events;

namespace ATTT.Monitor.Evtx.Rendering;

internal readonly record struct XmlAttribute(string Name, string Value, EventValueKind Kind);
