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
}
