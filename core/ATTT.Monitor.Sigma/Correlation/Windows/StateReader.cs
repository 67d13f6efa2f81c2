using System.Text.Json;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Sigma.Correlation.Windows;

/// <summary>
/// Reads what <see cref="StateWriter"/> wrote. Saved state may be damaged or from elsewhere: every
/// wrong shape is a <see cref="SigmaStateException"/> naming the place (<paramref name="where"/>) and property.
/// </summary>
internal sealed class StateReader(JsonElement obj, string where, EventSnapshot snapshot)
{
    public string Where => where;

    public JsonElement Property(string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value))
            throw new SigmaStateException($"{where}: '{name}' is missing");
        return value;
    }

    public long Long(string name) => Long(Property(name), name);

    public bool Has(string name) => obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    public DateTimeOffset TimeOf(string name) => Time(Property(name), name);

    public DateTimeOffset? OptionalTime(string name) => Has(name) ? TimeOf(name) : null;

    public StateReader Child(string name) => new(Property(name), $"{where}: '{name}'", snapshot);

    public IReadOnlyList<string> Strings(string name) =>
        Array(name).Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Wrong(name, "texts")).ToList();

    public string? OptionalString(string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public IReadOnlyList<DateTimeOffset> Times(string name) => Array(name).Select(e => Time(e, name)).ToList();

    public DateTimeOffset?[] OptionalTimes(string name) =>
        Array(name).Select(e => e.ValueKind == JsonValueKind.Null ? (DateTimeOffset?)null : Time(e, name)).ToArray();

    public IEnumerable<KeyValuePair<string, DateTimeOffset>> TextTimes(string name)
    {
        var map = Property(name);
        if (map.ValueKind != JsonValueKind.Object) throw new SigmaStateException($"{where}: '{name}' is not an object");
        return map.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, Time(p.Value, name))).ToList();
    }

    public IReadOnlyList<double> Numbers(string name) =>
        Array(name).Select(e => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : throw Wrong(name, "numbers")).ToList();

    public IReadOnlyList<(DateTimeOffset Start, double Sum, long Count)> Buckets(string name) =>
        Array(name).Select(e => e.ValueKind == JsonValueKind.Array && e.GetArrayLength() == 3 && e[1].ValueKind == JsonValueKind.Number
            ? (Time(e[0], name), e[1].GetDouble(), Long(e[2], name))
            : throw Wrong(name, "[time, sum, count] triples")).ToList();

    public IReadOnlyList<(string Value, long Count, IFieldLookup Event, DateTimeOffset Time)> RareValues(string name) =>
        Array(name).Select(e =>
        {
            var item = new StateReader(e, $"{where}: '{name}'", snapshot);
            var value = item.OptionalString("value") ?? throw Wrong(name, "objects with a 'value' text");
            return (value, item.Long("count"), item.Event("event"), Time(item.Property("time"), name));
        }).ToList();

    public IFieldLookup Event(string name) => snapshot.Read(Property(name), $"{where}: '{name}'");

    private JsonElement.ArrayEnumerator Array(string name)
    {
        var value = Property(name);
        return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : throw Wrong(name, "an array");
    }

    private long Long(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var n) ? n : throw Wrong(name, "whole numbers");

    private DateTimeOffset Time(JsonElement e, string name)
    {
        var ticks = Long(e, name);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks) throw Wrong(name, "times (UTC ticks)");
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    private SigmaStateException Wrong(string name, string expected) => new($"{where}: '{name}' must hold {expected}");
}
