using System.Text.Json;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Sigma.Correlation.Windows;

/// <summary>Writes a window's state as JSON properties; times as UTC ticks, events as <see cref="EventSnapshot"/>s.</summary>
internal sealed class StateWriter(Utf8JsonWriter json, EventSnapshot snapshot)
{
    public Utf8JsonWriter Json => json;

    public void Number(string name, long value) => json.WriteNumber(name, value);

    public void Times(string name, IEnumerable<DateTimeOffset> times)
    {
        json.WriteStartArray(name);
        foreach (var t in times) json.WriteNumberValue(t.UtcTicks);
        json.WriteEndArray();
    }

    public void OptionalTimes(string name, IEnumerable<DateTimeOffset?> times)
    {
        json.WriteStartArray(name);
        foreach (var t in times)
        {
            if (t is { } v) json.WriteNumberValue(v.UtcTicks);
            else json.WriteNullValue();
        }

        json.WriteEndArray();
    }

    public void TextTimes(string name, IEnumerable<KeyValuePair<string, DateTimeOffset>> entries)
    {
        json.WriteStartObject(name);
        foreach (var (text, time) in entries) json.WriteNumber(text, time.UtcTicks);
        json.WriteEndObject();
    }

    public void Numbers(string name, IEnumerable<double> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.WriteNumberValue(v);
        json.WriteEndArray();
    }

    public void Buckets(string name, IEnumerable<(DateTimeOffset Start, double Sum, long Count)> buckets)
    {
        json.WriteStartArray(name);
        foreach (var (start, sum, count) in buckets)
        {
            json.WriteStartArray();
            json.WriteNumberValue(start.UtcTicks);
            json.WriteNumberValue(sum);
            json.WriteNumberValue(count);
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    public void RareValues(string name, IReadOnlyDictionary<string, (long Count, IFieldLookup Event, DateTimeOffset Time)> values)
    {
        json.WriteStartArray(name);
        foreach (var (value, (count, e, time)) in values)
        {
            json.WriteStartObject();
            json.WriteString("value", value);
            json.WriteNumber("count", count);
            json.WriteNumber("time", time.UtcTicks);
            json.WritePropertyName("event");
            snapshot.Write(json, e);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    public void Event(string name, IFieldLookup e)
    {
        json.WritePropertyName(name);
        snapshot.Write(json, e);
    }
}
