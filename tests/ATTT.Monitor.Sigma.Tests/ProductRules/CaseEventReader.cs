using System.Globalization;
using ATTT.Monitor.Events;
using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Sigma.Tests.ProductRules;

/// <summary>
/// Reads a case's <c>events:</c> list. Each item: <c>channel</c> (short name or full), <c>id</c>,
/// optional <c>provider</c> (required where the channel has several), <c>computer</c>, <c>at</c>
/// (offset from the case start: 30s, 5m, 1h), <c>fields</c> (named EventData), <c>data</c>
/// (unnamed values, as classic PowerShell writes them), <c>repeat</c> and <c>every</c> (the same
/// event N times, <c>{n}</c> in a value replaced by 1..N).
/// </summary>
internal sealed class CaseEventReader(string path)
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(7));
    public const string DefaultComputer = "PC-KETOAN-01.xa-sangmoc.local";

    private static readonly HashSet<string> EventKeys = ["channel", "id", "provider", "computer", "at", "fields", "data", "repeat", "every"];
    private readonly CaseYaml _yaml = new(path);

    public IReadOnlyList<EventRecord> ReadAll(YamlNode node)
    {
        var events = new List<EventRecord>();
        foreach (var item in _yaml.Sequence(node, "events")) events.AddRange(Read(_yaml.Map(item, "an event")));
        if (events.Count == 0) throw _yaml.Error(node, "'events' is empty");
        return events;
    }

    private IEnumerable<EventRecord> Read(YamlMappingNode map)
    {
        _yaml.CheckKeys(map, EventKeys, "an event");
        var (channel, defaultProvider) = CaseChannels.Resolve(_yaml.RequiredText(map, "channel"));
        var id = _yaml.Get(map, "id") is { } idNode ? _yaml.Int(idNode, "id") : throw _yaml.Error(map, "the event has no 'id'");
        var provider = _yaml.Text(map, "provider") ?? defaultProvider
            ?? throw _yaml.Error(map, $"events of channel '{channel}' need a 'provider'");
        var at = _yaml.Text(map, "at") is { } a ? Offset(map, a) : TimeSpan.Zero;
        var every = _yaml.Text(map, "every") is { } e ? Offset(map, e) : TimeSpan.FromSeconds(10);
        var repeat = _yaml.Get(map, "repeat") is { } r ? _yaml.Int(r, "repeat") : 1;
        var fields = ReadFields(map);
        for (var n = 1; n <= repeat; n++)
        {
            var number = n.ToString(CultureInfo.InvariantCulture);
            yield return new EventRecord
            {
                Provider = provider,
                EventId = id,
                Channel = channel,
                Computer = _yaml.Text(map, "computer") ?? DefaultComputer,
                TimeCreated = Start + at + (every * (n - 1)),
                RecordId = n,
                PayloadKind = EventPayloadKind.EventData,
                Fields = fields.Select(f => new EventField(f.Name, f.Value?.Replace("{n}", number, StringComparison.Ordinal))).ToList(),
            };
        }
    }

    private List<EventField> ReadFields(YamlMappingNode map)
    {
        var fields = new List<EventField>();
        if (_yaml.Get(map, "fields") is { } f)
        {
            foreach (var (k, v) in _yaml.Map(f, "'fields'").Children)
            {
                var name = (k as YamlScalarNode)?.Value ?? throw _yaml.Error(k, "a field name must be text");
                fields.Add(new EventField(name, v is YamlScalarNode s ? s.Value : throw _yaml.Error(v, $"field '{name}' must be a text value")));
            }
        }

        if (_yaml.Get(map, "data") is { } d)
        {
            foreach (var v in _yaml.Sequence(d, "data"))
                fields.Add(new EventField("", v is YamlScalarNode s ? s.Value : throw _yaml.Error(v, "a 'data' value must be text")));
        }

        return fields;
    }

    private TimeSpan Offset(YamlNode node, string text)
    {
        if (text.Length >= 2 && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            switch (text[^1])
            {
                case 's': return TimeSpan.FromSeconds(n);
                case 'm': return TimeSpan.FromMinutes(n);
                case 'h': return TimeSpan.FromHours(n);
                default: break;
            }
        }

        throw _yaml.Error(node, $"'{text}' is not a time offset such as 30s, 5m or 1h");
    }
}
