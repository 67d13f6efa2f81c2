using System.Runtime.InteropServices;

namespace ATTT.Monitor.Evtx.BinXml;

/// <summary>
/// Interns names and literal texts so that every template of every chunk shares one string per
/// distinct name. Bounded: it starts afresh past a size limit, so a hostile file cannot grow it.
/// </summary>
internal sealed class NamePool
{
    private const int MaxEntries = 16_384;
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);

    /// <summary>A string value: pooled, and rendered as <see cref="ValueFormatter"/> renders strings.</summary>
    /// <summary>Characters of all strings created so far, so callers can charge them to a work budget.</summary>
    public long CreatedChars { get; private set; }

    public string GetValue(ReadOnlySpan<byte> utf16)
    {
        var chars = MemoryMarshal.Cast<byte, char>(utf16[..(utf16.Length / 2 * 2)]).TrimEnd('\0').TrimEnd(' ');
        return Get(MemoryMarshal.AsBytes(chars));
    }

    public string Get(ReadOnlySpan<byte> utf16)
    {
        var chars = MemoryMarshal.Cast<byte, char>(utf16);
        var lookup = _set.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars, out var existing))
            return existing;
        if (_set.Count >= MaxEntries)
            _set.Clear();
        var created = ValueFormatter.Utf16(utf16);
        _set.Add(created);
        CreatedChars += created.Length;
        return created;
    }
}
