using System.Text.Json;
using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Json;

namespace ATTT.Monitor.Inputs.Mapping;

/// <summary>The evtx-dump shape, mapped by the event model's own reader (the one <c>attt evtx dump</c> output round-trips through).</summary>
internal sealed class EvtxJsonMapper : IEventMapper
{
    public EventFormat Format => EventFormat.EvtxJson;

    public EventRecord Map(JsonElement root)
    {
        try
        {
            return EventJsonReader.ToRecord(root);
        }
        catch (EventJsonException ex)
        {
            throw new RecordException(ex.Message, ex);
        }
    }
}
