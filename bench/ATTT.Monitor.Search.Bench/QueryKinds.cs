using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Search.Bench;

/// <summary>
/// The searches an officer makes, each with random parameters drawn from the generated data: a PC
/// over a day, a channel and event id before a random moment, a field=value and a free text (both
/// bounded by the scan budget), and one unit's newest events before a random moment.
/// </summary>
internal sealed class QueryKinds(IReadOnlyList<EventRecord> templates, int seed)
{
    private readonly Random _random = new(seed);

    public static IReadOnlyList<string> Names { get; } = ["host+time", "channel+event_id", "field=value", "free_text", "unit_scope", "host+time page 2"];

    public EventQuery Make(string kind) => kind switch
    {
        "host+time" or "host+time page 2" => HostDay(),
        "channel+event_id" => ChannelEventId(),
        "field=value" => FieldValue(),
        "free_text" => FreeText(),
        "unit_scope" => new EventQuery { Units = [Commune.Unit(_random.Next(Commune.Pcs))], To = Moment() },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown query kind"),
    };

    private EventQuery HostDay()
    {
        var from = Moment().AddDays(-1);
        var pc = _random.Next(Commune.Pcs);
        return new EventQuery { Units = [Commune.Unit(pc)], Host = Commune.Pc(pc), From = from, To = from.AddDays(1) };
    }

    private EventQuery ChannelEventId()
    {
        var t = Template();
        return new EventQuery { Channel = t.Channel, EventId = t.EventId, To = Moment() };
    }

    private EventQuery FieldValue()
    {
        while (true)
        {
            var t = Template();
            var named = t.Fields.Where(f => f.Name.Length > 0 && !string.IsNullOrEmpty(f.Value) && f.Value.Length < 100).ToList();
            if (named.Count == 0)
                continue;
            var f = named[_random.Next(named.Count)];
            return new EventQuery { Fields = [new EventFieldFilter(f.Name, f.Value!)], To = Moment() };
        }
    }

    private EventQuery FreeText()
    {
        while (true)
        {
            var t = Template();
            var words = t.Fields.Select(f => f.Value).OfType<string>()
                .SelectMany(v => v.Split([' ', '\\', '"', '/', '=', ','], StringSplitOptions.RemoveEmptyEntries))
                .Where(w => w.Length >= 5 && w.Length < 40).ToList();
            if (words.Count == 0)
                continue;
            return new EventQuery { Text = words[_random.Next(words.Count)], To = Moment() };
        }
    }

    private EventRecord Template() => templates[_random.Next(templates.Count)];

    private DateTimeOffset Moment() => Commune.Start.AddTicks(_random.NextInt64(TimeSpan.FromDays(2).Ticks, Commune.Span.Ticks));
}
