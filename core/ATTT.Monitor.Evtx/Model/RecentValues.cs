using ATTT.Monitor.Evtx.BinXml;

namespace ATTT.Monitor.Evtx.Model;

/// <summary>
/// Remembers the text of the last few SIDs and GUIDs seen in System: a log repeats the same few
/// (S-1-5-18, one provider GUID), so formatting them once is enough.
/// </summary>
internal sealed class RecentValues
{
    private const int Slots = 8;
    private readonly byte[][] _keys = new byte[Slots][];
    private readonly byte[] _types = new byte[Slots];
    private readonly string?[] _texts = new string?[Slots];
    private int _next;

    public string? Get(byte type, ReadOnlySpan<byte> data)
    {
        for (var i = 0; i < Slots; i++)
        {
            if (_texts[i] is { } text && _types[i] == type && data.SequenceEqual(_keys[i]))
                return text;
        }

        var created = ValueFormatter.Format(type, data);
        _keys[_next] = data.ToArray();
        _types[_next] = type;
        _texts[_next] = created;
        _next = (_next + 1) % Slots;
        return created;
    }
}
