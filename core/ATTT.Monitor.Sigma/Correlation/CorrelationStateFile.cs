using System.Text.Json;
using ATTT.Monitor.Sigma.Correlation.Windows;

namespace ATTT.Monitor.Sigma.Correlation;

/// <summary>
/// Saved correlation state: one JSON document (UTF-8) with the stream time and, per correlation
/// (by rule id, with a fingerprint of its definition), every group: its key, scope, group-by values,
/// window and last event (reduced to the fields the correlation reads, see <see cref="EventSnapshot"/>).
/// </summary>
internal static class CorrelationStateFile
{
    private const string Format = "attt-sigma-correlation-state";
    private const int Version = 1;

    public static void Save(Stream stream, SigmaCorrelationEngine engine)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteNumber("version", Version);
        if (engine.StreamTime is { } now) json.WriteNumber("stream_time", now.UtcTicks);
        else json.WriteNull("stream_time");
        json.WriteStartArray("correlations");
        foreach (var state in engine.States)
        {
            var writer = new StateWriter(json, new EventSnapshot(state.SnapshotFields()));
            json.WriteStartObject();
            json.WriteString("id", state.Definition.Info.Id);
            json.WriteString("fingerprint", state.Definition.Fingerprint());
            json.WriteStartArray("groups");
            foreach (var g in state.Groups) WriteGroup(json, writer, g);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteGroup(Utf8JsonWriter json, StateWriter writer, GroupState g)
    {
        json.WriteStartObject();
        json.WriteString("key", g.Key);
        if (g.Scope is null) json.WriteNull("scope");
        else json.WriteString("scope", g.Scope);
        json.WriteStartArray("values");
        foreach (var v in g.GroupValues) json.WriteStringValue(v);
        json.WriteEndArray();
        json.WriteNumber("last_seen", g.LastSeen.UtcTicks);
        if (g.WindowStart is { } start) json.WriteNumber("window_start", start.UtcTicks);
        json.WriteNumber("generation", g.WindowGeneration);
        json.WriteNumber("last_time", g.LastTime.UtcTicks);
        if (g.LastEvent is not null) writer.Event("last_event", g.LastEvent);
        json.WriteStartObject("window");
        g.Window.Save(writer);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static int Restore(Stream stream, SigmaCorrelationEngine engine)
    {
        ArgumentNullException.ThrowIfNull(stream);
        engine.ClearState();
        try
        {
            return RestoreInto(stream, engine);
        }
        catch (Exception ex) when (ex is SigmaStateException or InvalidOperationException or ArgumentException or FormatException)
        {
            engine.ClearState();
            throw ex as SigmaStateException ?? new SigmaStateException($"correlation state is damaged: {ex.Message}", ex);
        }
    }

    private static int RestoreInto(Stream stream, SigmaCorrelationEngine engine)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new SigmaStateException($"correlation state is not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        using (doc)
        {
            var root = new StateReader(doc.RootElement, "correlation state", new EventSnapshot([]));
            if (root.OptionalString("format") != Format) throw new SigmaStateException($"correlation state: 'format' is not '{Format}'");
            if (root.Long("version") != Version) throw new SigmaStateException($"correlation state: version {root.Long("version")} is not {Version}");
            var streamTime = root.Property("stream_time");
            if (streamTime.ValueKind != JsonValueKind.Null) engine.SetStreamTime(root.TimeOf("stream_time"));

            var byId = new Dictionary<string, CorrelationState>(StringComparer.Ordinal);
            foreach (var s in engine.States) byId.TryAdd(s.Definition.Info.Id, s);
            var correlations = root.Property("correlations");
            if (correlations.ValueKind != JsonValueKind.Array) throw new SigmaStateException("correlation state: 'correlations' is not an array");
            var restored = 0;
            var index = 0;
            foreach (var c in correlations.EnumerateArray())
            {
                var item = new StateReader(c, $"correlation state: correlations[{index++}]", new EventSnapshot([]));
                var id = item.OptionalString("id") ?? throw new SigmaStateException($"{item.Where}: 'id' is missing");
                if (!byId.TryGetValue(id, out var state) || item.OptionalString("fingerprint") != state.Definition.Fingerprint()) continue;
                var groups = item.Property("groups");
                if (groups.ValueKind != JsonValueKind.Array) throw new SigmaStateException($"{item.Where}: 'groups' is not an array");
                var snapshot = new EventSnapshot(state.SnapshotFields());
                var g = 0;
                foreach (var group in groups.EnumerateArray())
                    state.Restore(ReadGroup(new StateReader(group, $"{item.Where} ({id}): groups[{g++}]", snapshot), state.Definition));
                restored++;
            }

            return restored;
        }
    }

    private static GroupState ReadGroup(StateReader r, CorrelationDefinition definition)
    {
        var key = r.OptionalString("key") ?? throw new SigmaStateException($"{r.Where}: 'key' is missing");
        var groupValues = r.Strings("values");
        if (groupValues.Count != definition.GroupBy.Count)
            throw new SigmaStateException($"{r.Where}: 'values' must list {definition.GroupBy.Count} group-by values");
        var window = WindowFactory.Create(definition);
        window.Load(r.Child("window"));
        return new GroupState(key, r.OptionalString("scope"), groupValues, window)
        {
            LastSeen = r.TimeOf("last_seen"),
            WindowStart = r.OptionalTime("window_start"),
            WindowGeneration = r.Long("generation"),
            LastTime = r.TimeOf("last_time"),
            LastEvent = r.Has("last_event") ? r.Event("last_event") : null,
        };
    }
}
