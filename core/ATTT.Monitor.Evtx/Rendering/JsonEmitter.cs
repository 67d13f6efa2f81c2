using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ATTT.Monitor.Evtx.Rendering;

/// <summary>
/// Writes one record's compact JSON into a reusable byte buffer, byte for byte as a
/// <see cref="Utf8JsonWriter"/> with <see cref="EvtxDocument.JsonWriterOptions"/> writes it. Names
/// and string values of printable ASCII are copied (<c>"</c> and <c>\</c> escaped as the writer
/// escapes them); anything else (control characters, non-ASCII text, floating-point numbers) is
/// handed to a real <see cref="Utf8JsonWriter"/> with the same options and its bytes are copied (see
/// <see cref="TryPlain"/>). Why not the writer for everything: in a one-shot <c>attt evtx dump</c>
/// its per-token bookkeeping and the encoder's search (a generic instantiation the framework does not
/// precompile, so it ran as unoptimised first-tier code) were a third of the time spent writing JSON.
/// </summary>
internal sealed class JsonEmitter : IDisposable
{
    private readonly ArrayBufferWriter<byte> _scratch = new(256);
    private readonly Utf8JsonWriter _fallback;
    private byte[] _buffer = new byte[4096];
    private int _length;
    private bool _separate;

    public JsonEmitter() => _fallback = new Utf8JsonWriter(_scratch, EvtxDocument.JsonWriterOptions);

    /// <summary>What was written since the last <see cref="Clear"/>.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Dispose() => _fallback.Dispose();

    public void Clear()
    {
        _length = 0;
        _separate = false;
    }

    public void WriteStartObject()
    {
        Separate();
        Byte((byte)'{');
        _separate = false;
    }

    public void WriteStartObject(string name)
    {
        WritePropertyName(name);
        WriteStartObject();
    }

    public void WriteEndObject()
    {
        Byte((byte)'}');
        _separate = true;
    }

    public void WriteStartArray(string name)
    {
        WritePropertyName(name);
        Byte((byte)'[');
        _separate = false;
    }

    public void WriteEndArray()
    {
        Byte((byte)']');
        _separate = true;
    }

    public void WritePropertyName(string name)
    {
        Separate();
        if (!TryPlain(name))
        {
            // The writer's own escaping of a property name, taken from behind the '{' it needs first.
            var writer = StartFallback();
            writer.WriteStartObject();
            writer.WritePropertyName(name);
            Append(FinishFallback()[1..]);
            _separate = false;
            return;
        }

        Byte((byte)':');
        _separate = false;
    }

    public void WriteNullValue() => WriteAscii("null");

    public void WriteBooleanValue(bool value) => WriteAscii(value ? "true" : "false");

    /// <summary>A value that is already JSON and plain ASCII (an integer).</summary>
    public void WriteAscii(string json)
    {
        Separate();
        var span = Reserve(json.Length);
        for (var i = 0; i < json.Length; i++)
            span[i] = (byte)json[i];
        _length += json.Length;
        _separate = true;
    }

    public void WriteNumberValue(double value)
    {
        Separate();
        StartFallback().WriteNumberValue(value);
        Append(FinishFallback());
        _separate = true;
    }

    public void WriteStringValue(string text)
    {
        Separate();
        if (!TryPlain(text))
        {
            StartFallback().WriteStringValue(text);
            Append(FinishFallback());
        }

        _separate = true;
    }

    /// <summary>
    /// Writes <paramref name="text"/> quoted when it is printable ASCII, escaping <c>"</c> and <c>\</c>
    /// as the writer does (<c>\"</c>, <c>\\</c>: Windows paths and command lines are full of them;
    /// the dump's relaxed encoder leaves <c>&amp; ' + &lt; &gt; `</c> as they are); false, with nothing
    /// written, for anything else (control characters, non-ASCII), which the writer escapes.
    /// </summary>
    private bool TryPlain(string text)
    {
        var span = Reserve((2 * text.Length) + 2);
        span[0] = (byte)'"';
        var n = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x20 || c > 0x7e)
                return false;
            if (c is '"' or '\\')
                span[n++] = (byte)'\\';
            span[n++] = (byte)c;
        }

        span[n++] = (byte)'"';
        _length += n;
        return true;
    }

    /// <summary>The real writer, emptied, for one token this emitter does not write itself.</summary>
    private Utf8JsonWriter StartFallback()
    {
        _scratch.ResetWrittenCount();
        _fallback.Reset(_scratch);
        return _fallback;
    }

    /// <summary>What the real writer wrote since <see cref="StartFallback"/>.</summary>
    private ReadOnlySpan<byte> FinishFallback()
    {
        _fallback.Flush();
        return _scratch.WrittenSpan;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Separate()
    {
        if (_separate)
            Byte((byte)',');
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Byte(byte b)
    {
        if (_length == _buffer.Length)
            Grow(1);
        _buffer[_length++] = b;
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        _length += bytes.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Reserve(int count)
    {
        if (_buffer.Length - _length < count)
            Grow(count);
        return _buffer.AsSpan(_length, count);
    }

    private void Grow(int count)
    {
        var bigger = new byte[Math.Max(_buffer.Length * 2, _length + count)];
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        _buffer = bigger;
    }
}
