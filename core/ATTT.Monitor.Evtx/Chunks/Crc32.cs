using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ATTT.Monitor.Evtx.Chunks;

/// <summary>
/// CRC-32 (IEEE, reflected), as EVTX uses for header and record checksums. BCL only, so it is
/// computed here: every chunk's records are checked, so on x86 it folds 64 bytes at a time with
/// carry-less multiplication (PCLMULQDQ, as zlib and Linux do), and the table (slicing-by-8)
/// does the rest and other CPUs.
/// </summary>
internal static class Crc32
{
    // x^n mod P for the folding distances (512 and 128 bits), in the reflected form of
    // Intel's "Fast CRC Computation Using PCLMULQDQ" (the constants of Linux' crc32-pclmul).
    private const ulong K1 = 0x154442bd4, K2 = 0x1c6e41596, K3 = 0x1751997d0, K4 = 0x0ccaa009e;
    private static readonly uint[] Table = BuildTable();

    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var state = ~crc;
        if (data.Length >= 64 && Pclmulqdq.IsSupported)
            state = Fold(state, ref data);
        return ~Slice8(state, data);
    }

    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>
    /// Folds the whole 16-byte blocks of <paramref name="data"/> (at least 64 bytes) into 128 bits
    /// that leave the same remainder, and returns the CRC state after them; data keeps the tail.
    /// </summary>
    private static uint Fold(uint state, ref ReadOnlySpan<byte> data)
    {
        ref var p = ref MemoryMarshal.GetReference(data);
        var x0 = Vector128.LoadUnsafe(ref p).AsUInt64() ^ Vector128.CreateScalar(state).AsUInt64();
        var x1 = Vector128.LoadUnsafe(ref p, 16).AsUInt64();
        var x2 = Vector128.LoadUnsafe(ref p, 32).AsUInt64();
        var x3 = Vector128.LoadUnsafe(ref p, 48).AsUInt64();
        nuint at = 64;
        var length = (nuint)data.Length;
        var k12 = Vector128.Create(K1, K2);
        for (; at + 64 <= length; at += 64)
        {
            x0 = FoldOnce(x0, k12) ^ Vector128.LoadUnsafe(ref p, at).AsUInt64();
            x1 = FoldOnce(x1, k12) ^ Vector128.LoadUnsafe(ref p, at + 16).AsUInt64();
            x2 = FoldOnce(x2, k12) ^ Vector128.LoadUnsafe(ref p, at + 32).AsUInt64();
            x3 = FoldOnce(x3, k12) ^ Vector128.LoadUnsafe(ref p, at + 48).AsUInt64();
        }

        var k34 = Vector128.Create(K3, K4);
        var x = FoldOnce(x0, k34) ^ x1;
        x = FoldOnce(x, k34) ^ x2;
        x = FoldOnce(x, k34) ^ x3;
        for (; at + 16 <= length; at += 16)
            x = FoldOnce(x, k34) ^ Vector128.LoadUnsafe(ref p, at).AsUInt64();

        // The 128 bits left are congruent to everything folded: their CRC from 0 is its CRC.
        Span<byte> rest = stackalloc byte[16];
        x.AsByte().CopyTo(rest);
        data = data[(int)at..];
        return Slice8(0, rest);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> FoldOnce(Vector128<ulong> x, Vector128<ulong> k) =>
        Pclmulqdq.CarrylessMultiply(x, k, 0x00) ^ Pclmulqdq.CarrylessMultiply(x, k, 0x11);

    /// <summary>The table method on the raw (not inverted) state.</summary>
    internal static uint Slice8(uint crc, ReadOnlySpan<byte> data)
    {
        // Indexes are masked to a byte, so every table read is in range: read without bounds checks.
        ref var t = ref MemoryMarshal.GetArrayDataReference(Table);
        while (data.Length >= 8)
        {
            var one = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ crc;
            var two = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = At(ref t, (7 * 256) + (one & 0xff)) ^ At(ref t, (6 * 256) + ((one >> 8) & 0xff))
                ^ At(ref t, (5 * 256) + ((one >> 16) & 0xff)) ^ At(ref t, (4 * 256) + (one >> 24))
                ^ At(ref t, (3 * 256) + (two & 0xff)) ^ At(ref t, (2 * 256) + ((two >> 8) & 0xff))
                ^ At(ref t, 256 + ((two >> 16) & 0xff)) ^ At(ref t, two >> 24);
            data = data[8..];
        }

        foreach (var b in data)
            crc = At(ref t, (crc ^ b) & 0xff) ^ (crc >> 8);
        return crc;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint At(ref uint table, uint index) => Unsafe.Add(ref table, (nint)index);

    private static uint[] BuildTable()
    {
        var table = new uint[8 * 256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }

        for (var i = 0; i < 256; i++)
        {
            for (var s = 1; s < 8; s++)
                table[(s * 256) + i] = (table[((s - 1) * 256) + i] >> 8) ^ table[table[((s - 1) * 256) + i] & 0xff];
        }

        return table;
    }
}
