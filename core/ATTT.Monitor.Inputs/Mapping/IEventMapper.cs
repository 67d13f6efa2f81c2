using System.Text.Json;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Inputs.Mapping;

/// <summary>Turns one parsed JSON record of a known shape into the event model.</summary>
internal interface IEventMapper
{
    EventFormat Format { get; }

    /// <exception cref="RecordException">The record is not an event of this shape.</exception>
    EventRecord Map(JsonElement root);
}
