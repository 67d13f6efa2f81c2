using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ATTT.Monitor.Evtx.Chunks;

/// <summary>
/// CRC-32 (IEEE, reflected), as EVTX uses for header and record checksums. BCL only, so it is
/// computed here, eight bytes at a time (slicing-by-8): every chunk's records are checked.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        // Indexes are masked to a byte, so every table read is in range: read without bounds checks.
        ref var t = ref MemoryMarshal.GetArrayDataReference(Table);
        crc = ~crc;
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
        return ~crc;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint At(ref uint table, uint index) => Unsafe.Add(ref table, (nint)index);

    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

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
