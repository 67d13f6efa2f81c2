using System.Text.Json;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Events;
using ATTT.Monitor.Events.Json;

namespace ATTT.Monitor.Collector.Search;

/// <summary>
/// A stored event as the dump-shaped object of <see cref="EventJsonWriter"/> with <c>id</c>,
/// <c>host</c>, <c>unit</c> and <c>received_at</c> beside <c>Event</c>: one line of
/// <c>attt events search --format jsonl</c> and one item of the events API.
/// </summary>
public static class StoredEventJson
{
    public static void Write(Utf8JsonWriter w, StoredEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        EventJsonWriter.Write(w, stored.Event, members =>
        {
            members.WriteNumber("id", stored.Id);
            members.WriteString("host", stored.Event.Computer);
            members.WriteString("unit", stored.Unit);
            members.WriteString("received_at", EventTime.Format(stored.ReceivedAt));
        });
    }
}
