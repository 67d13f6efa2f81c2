using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace ATTT.Monitor.Sigma.Caching;

/// <summary>Reads what <see cref="CacheWriter"/> wrote; anything out of range is a <see cref="CacheFormatException"/>.</summary>
internal sealed class CacheReader(ReadOnlyMemory<byte> data)
{
    private int _at;

    public int Position
    {
        get => _at;
        set => _at = value >= 0 && value <= data.Length ? value : throw new CacheFormatException($"offset {value} is outside the section");
    }

    public bool AtEnd => _at == data.Length;

    private ReadOnlySpan<byte> Take(int n)
    {
        if (n < 0 || n > data.Length - _at) throw new CacheFormatException($"the section ends {n} bytes too early at offset {_at}");
        var span = data.Span.Slice(_at, n);
        _at += n;
        return span;
    }

    public bool Bool() => Take(1)[0] switch
    {
        0 => false,
        1 => true,
        var b => throw new CacheFormatException($"byte {b} is not a boolean"),
    };

    public byte Byte() => Take(1)[0];

    public int Count()
    {
        uint result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = Take(1)[0];
            result |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return result <= int.MaxValue ? (int)result : throw new CacheFormatException("a count is out of range");
        }

        throw new CacheFormatException("a count is too long");
    }

    public int Int() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));
    public long Long() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));
    public double Double() => BitConverter.Int64BitsToDouble(Long());

    public string? String()
    {
        var n = Count();
        return n == 0 ? null : Encoding.UTF8.GetString(Take(n - 1));
    }

    public string Text() => String() ?? throw new CacheFormatException("a required text is missing");

    public List<string> Strings()
    {
        var n = Count();
        var list = new List<string>(Math.Min(n, 1024));
        for (var i = 0; i < n; i++) list.Add(Text());
        return list;
    }

    public int[] Ints() => Raw<int>();
    public char[] Chars() => Raw<char>();
    public ulong[] Ulongs() => Raw<ulong>();
    public byte[] Bytes() => Take(Count()).ToArray();

    /// <summary>A length-prefixed block, without copying it.</summary>
    public ReadOnlyMemory<byte> Block()
    {
        var n = Count();
        if (n > data.Length - _at) throw new CacheFormatException($"a block of {n} bytes is longer than the section");
        var block = data.Slice(_at, n);
        _at += n;
        return block;
    }

    /// <summary>An index read from the cache, checked against the size of what it indexes.</summary>
    public int Index(int limit)
    {
        var i = Count();
        return i < limit ? i : throw new CacheFormatException($"index {i} is not below {limit}");
    }

    private T[] Raw<T>() where T : unmanaged
    {
        var n = Count();
        var size = Unsafe.SizeOf<T>();
        if (n > (data.Length - _at) / size) throw new CacheFormatException($"an array of {n} items is longer than the section");
        return MemoryMarshal.Cast<byte, T>(Take(n * size)).ToArray();
    }
}
