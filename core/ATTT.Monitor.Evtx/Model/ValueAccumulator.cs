using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using ATTT.Monitor.Events;
using ATTT.Monitor.Evtx.BinXml;

namespace ATTT.Monitor.Evtx.Model;

/// <summary>
/// Collects the pieces of one attribute value or element text. Nearly always a single typed
/// piece, which keeps its kind (so numbers stay numbers); several pieces join into a string.
/// A single fixed-size value is kept raw and formatted only if its text is asked for, so System
/// numbers and times never become strings on the way into the model.
/// </summary>
internal struct ValueAccumulator
{
    private string? _text;
    private StringBuilder? _joined;
    private bool _empty;
    private bool _hasRaw;
    private byte _rawType;
    private int _rawLength;
    private RawBytes _raw;

    public EventValueKind Kind { get; private set; }

    public readonly bool HasValue => _text is not null || _joined is not null || _empty || _hasRaw;

    public void Reset()
    {
        _text = null;
        _joined = null;
        _empty = false;
        _hasRaw = false;
        Kind = EventValueKind.Null;
    }

    public void Add(string text, EventValueKind kind)
    {
        Materialize();
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
    }

    public void Add(byte type, ReadOnlySpan<byte> data)
    {
        if (!HasValue && data.Length <= RawBytes.Size && data.Length > 0 && data.Length == ValueTypes.FixedSize(type))
        {
            _hasRaw = true;
            _rawType = type;
            _rawLength = data.Length;
            data.CopyTo(_raw);
            Kind = ValueFormatter.Kind(type);
            return;
        }

        var text = ValueFormatter.Format(type, data);
        if (text is null)
        {
            if (!HasValue)
                Kind = EventValueKind.String;
            _empty = true;
            return;
        }

        Add(text, ValueFormatter.Kind(type));
    }

    /// <summary>The value as text, or null when there was none; "" for an empty value.</summary>
    public readonly string? Text
    {
        get => _hasRaw ? ValueFormatter.Format(_rawType, ((ReadOnlySpan<byte>)_raw)[.._rawLength])
            : _joined?.ToString() ?? _text ?? (_empty ? "" : null);
    }

    /// <summary>The value as a number when it is a single integer value.</summary>
    public readonly long? Integer
    {
        get
        {
            if (!_hasRaw)
                return null;
            ReadOnlySpan<byte> b = _raw;
            return _rawType switch
            {
                ValueTypes.Int8 => (sbyte)b[0],
                ValueTypes.UInt8 => b[0],
                ValueTypes.Int16 => BinaryPrimitives.ReadInt16LittleEndian(b),
                ValueTypes.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(b),
                ValueTypes.Int32 => BinaryPrimitives.ReadInt32LittleEndian(b),
                ValueTypes.UInt32 or ValueTypes.HexInt32 => BinaryPrimitives.ReadUInt32LittleEndian(b),
                ValueTypes.Int64 or ValueTypes.UInt64 or ValueTypes.HexInt64 => BinaryPrimitives.ReadInt64LittleEndian(b),
                _ => null,
            };
        }
    }

    /// <summary>The value as a time when it is a single FILETIME or SYSTEMTIME.</summary>
    public readonly DateTimeOffset? Time
    {
        get
        {
            if (!_hasRaw)
                return null;
            ReadOnlySpan<byte> b = ((ReadOnlySpan<byte>)_raw)[.._rawLength];
            if (_rawType == ValueTypes.FileTime && ValueFormatter.TryFileTime(b, out var ft))
                return ft;
            if (_rawType == ValueTypes.SystemTime && ValueFormatter.TrySystemTime(b, out var st))
                return st;
            return null;
        }
    }

    private void Materialize()
    {
        if (!_hasRaw)
            return;
        _hasRaw = false;
        _text = ValueFormatter.Format(_rawType, ((ReadOnlySpan<byte>)_raw)[.._rawLength]);
    }

    [InlineArray(Size)]
    private struct RawBytes
    {
        public const int Size = 16;
        private byte _element;
    }
}
