using System.Text;
using ATTT.Monitor.Evtx.BinXml;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Evtx.Model;

/// <summary>
/// Collects the pieces of one attribute value or element text. Nearly always a single typed
/// piece, which keeps its kind (so numbers stay numbers); several pieces join into a string.
/// </summary>
internal struct ValueAccumulator
{
    private string? _text;
    private StringBuilder? _joined;
    private bool _empty;

    public EventValueKind Kind { get; private set; }

    public DateTimeOffset? Time { get; private set; }

    public bool HasValue => _text is not null || _joined is not null || _empty;

    public void Reset()
    {
        _text = null;
        _joined = null;
        _empty = false;
        Kind = EventValueKind.Null;
        Time = null;
    }

    public void Add(string text, EventValueKind kind)
    {
        if (_joined is not null)
        {
            _joined.Append(text);
            return;
        }

        if (_text is null)
        {
            _text = text;
            Kind = kind;
            return;
        }

        _joined = new StringBuilder(_text).Append(text);
        _text = null;
        Kind = EventValueKind.String;
        Time = null;
    }

    public void Add(byte type, ReadOnlySpan<byte> data)
    {
        var text = ValueFormatter.Format(type, data);
        if (text is null)
        {
            if (!HasValue)
                Kind = EventValueKind.String;
            _empty = true;
            return;
        }

        var first = !HasValue;
        Add(text, ValueFormatter.Kind(type));
        if (first && type == ValueTypes.FileTime && ValueFormatter.TryFileTime(data, out var ft))
            Time = ft;
        else if (first && type == ValueTypes.SystemTime && ValueFormatter.TrySystemTime(data, out var st))
            Time = st;
    }

    public readonly string? Text => _joined?.ToString() ?? _text ?? (_empty ? "" : null);
}
