using ATTT.Monitor.Evtx.Chunks;

namespace ATTT.Monitor.Evtx.Tests.Chunks;

public sealed class Crc32Tests
{
    [Fact]
    public void Matches_the_standard_check_value() =>
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));

    [Fact]
    public void Appending_in_pieces_of_any_length_equals_one_pass()
    {
        var data = new byte[1000];
        new Random(7).NextBytes(data);
        var whole = Crc32.Compute(data);
        for (var split = 0; split <= 17; split++)
            Assert.Equal(whole, Crc32.Append(Crc32.Compute(data.AsSpan(0, split)), data.AsSpan(split)));
    }

    [Fact]
    public void The_folded_path_equals_the_table_for_every_length_and_start_value()
    {
        // Lengths from 64 bytes take the carry-less multiplication path on x86; the table is the reference.
        var random = new Random(11);
        var data = new byte[1100];
        random.NextBytes(data);
        for (var length = 0; length <= data.Length; length += length < 300 ? 1 : 97)
        {
            var start = (uint)random.Next();
            var expected = ~Crc32.Slice8(~start, data.AsSpan(0, length));
            Assert.Equal(expected, Crc32.Append(start, data.AsSpan(0, length)));
        }
    }

    [Fact]
    public void A_whole_chunk_matches_the_bitwise_definition()
    {
        var data = new byte[65536 - 512];
        new Random(3).NextBytes(data);
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }

        Assert.Equal(~crc, Crc32.Compute(data));
    }
}
