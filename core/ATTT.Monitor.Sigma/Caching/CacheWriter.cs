using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace ATTT.Monitor.Sigma.Caching;

/// <summary>Little-endian binary writing for the cache: lengths as 7-bit varints, arrays as raw bytes.</summary>
internal sealed class CacheWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 16);

    public long Position => _buffer.WrittenCount;

    public ReadOnlySpan<byte> Written => _buffer.WrittenSpan;

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    public void WriteTo(Stream target) => target.Write(_buffer.WrittenSpan);

    /// <summary>Another writer's bytes, as they are (no length).</summary>
    public void Append(CacheWriter other) => _buffer.Write(other._buffer.WrittenSpan);

    /// <summary>Another writer's bytes as a length-prefixed block.</summary>
    public void Block(CacheWriter other)
    {
        Count(other._buffer.WrittenCount);
        Append(other);
    }

    public void Bool(bool value) => Byte(value ? (byte)1 : (byte)0);

    public void Byte(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    public void Count(int value)
    {
        var v = (uint)value;
        while (v >= 0x80)
        {
            Byte((byte)(v | 0x80));
            v >>= 7;
        }

        Byte((byte)v);
    }

    public void Int(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    public void Long(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }

    public void Double(double value) => Long(BitConverter.DoubleToInt64Bits(value));

    public void String(string? value)
    {
        if (value is null)
        {
            Count(0);
            return;
        }

        var bytes = Encoding.UTF8.GetByteCount(value);
        Count(bytes + 1);
        Encoding.UTF8.GetBytes(value, _buffer.GetSpan(bytes));
        _buffer.Advance(bytes);
    }

    public void Strings(IReadOnlyCollection<string> values)
    {
        Count(values.Count);
        foreach (var v in values) String(v);
    }

    public void Ints(ReadOnlySpan<int> values) => Raw(values);
    public void Chars(ReadOnlySpan<char> values) => Raw(values);
    public void Ulongs(ReadOnlySpan<ulong> values) => Raw(values);

    public void Bytes(ReadOnlySpan<byte> values)
    {
        Count(values.Length);
        _buffer.Write(values);
    }

    private void Raw<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("the rule cache is written on little-endian machines only");
        Count(values.Length);
        _buffer.Write(MemoryMarshal.AsBytes(values));
    }
}
