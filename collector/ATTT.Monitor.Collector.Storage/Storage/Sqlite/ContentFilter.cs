using System.Text;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>
/// The field=value and text filters of a query, tested on a stored body: first a substring test on
/// the JSON (most candidates fail it without being parsed), then the exact test on the parsed event.
/// </summary>
internal sealed class ContentFilter(EventQuery query)
{
    private readonly string? _text = string.IsNullOrEmpty(query.Text) ? null : query.Text;
    private readonly string? _textEscaped = string.IsNullOrEmpty(query.Text) ? null : EventJson.EscapeForSearch(query.Text);
    private readonly (string Name, string Value, string Escaped)[] _fields =
        [.. query.Fields.Select(f => (f.Name, f.Value, EventJson.EscapeForSearch(f.Value)))];

    public bool Matches(byte[] json, out EventRecord? record)
    {
        record = null;
        var text = Encoding.UTF8.GetString(json);
        if (_textEscaped is not null && !text.Contains(_textEscaped, StringComparison.OrdinalIgnoreCase))
            return false;
        foreach (var field in _fields)
        {
            if (!text.Contains(field.Escaped, StringComparison.OrdinalIgnoreCase))
                return false;
        }

        var parsed = EventJson.Deserialize(json);
        foreach (var field in _fields)
        {
            if (!parsed.TryGetField(field.Name, out var value) || !string.Equals(value, field.Value, StringComparison.OrdinalIgnoreCase))
                return false;
        }

        if (_text is not null && !parsed.EnumerateValues().Any(v => v.Contains(_text, StringComparison.OrdinalIgnoreCase)))
            return false;
        record = parsed;
        return true;
    }
}
