namespace ATTT.Monitor.Evtx.Tests.Support;

/// <summary>
/// Damaged variants of a real .evtx, made deterministically: truncations, bit flips, zeroed,
/// shuffled, duplicated and overwritten chunks, garbage in the middle, a destroyed header.
/// </summary>
internal static class CorruptionCorpus
{
    private const int HeaderSize = 4096;
    private const int ChunkSize = 65536;

    public static IEnumerable<(string Name, byte[] Bytes)> Variants(byte[] original, int seed)
    {
        var random = new Random(seed);
        var chunks = Math.Max(0, (original.Length - HeaderSize) / ChunkSize);

        foreach (var cut in new[] { 0, 7, 100, HeaderSize - 1, HeaderSize, HeaderSize + 100, HeaderSize + 511, HeaderSize + 600,
                     HeaderSize + 30_000, original.Length / 2, original.Length - 1 })
        {
            if (cut <= original.Length)
                yield return ($"truncated at {cut}", original[..cut]);
        }

        foreach (var flips in new[] { 1, 10, 100, 1000, 10_000 })
        {
            for (var round = 0; round < 3; round++)
            {
                var copy = (byte[])original.Clone();
                for (var i = 0; i < flips; i++)
                    copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                yield return ($"{flips} bit flips #{round}", copy);
            }
        }

        for (var c = 0; c < Math.Min(chunks, 4); c++)
        {
            var zeroed = (byte[])original.Clone();
            Array.Clear(zeroed, HeaderSize + (c * ChunkSize), ChunkSize);
            yield return ($"chunk {c} zeroed", zeroed);

            var headerOnly = (byte[])original.Clone();
            random.NextBytes(headerOnly.AsSpan(HeaderSize + (c * ChunkSize) + 8, 504));
            yield return ($"chunk {c} header garbage", headerOnly);

            var tables = (byte[])original.Clone();
            random.NextBytes(tables.AsSpan(HeaderSize + (c * ChunkSize) + 128, 384));
            yield return ($"chunk {c} string and template tables garbage", tables);
        }

        if (chunks > 1)
        {
            var shuffled = (byte[])original.Clone();
            var order = Enumerable.Range(0, chunks).OrderBy(_ => random.Next()).ToArray();
            for (var i = 0; i < chunks; i++)
                original.AsSpan(HeaderSize + (order[i] * ChunkSize), ChunkSize).CopyTo(shuffled.AsSpan(HeaderSize + (i * ChunkSize)));
            yield return ("chunks shuffled", shuffled);
        }

        if (chunks > 0)
        {
            var extra = new byte[original.Length + ChunkSize];
            original.CopyTo(extra, 0);
            original.AsSpan(HeaderSize, ChunkSize).CopyTo(extra.AsSpan(original.Length));
            yield return ("chunk past the header's count", extra);

            var records = (byte[])original.Clone();
            random.NextBytes(records.AsSpan(HeaderSize + 512, Math.Min(ChunkSize - 512, original.Length - HeaderSize - 512) / 3));
            yield return ("first records overwritten with garbage", records);
        }

        var middle = (byte[])original.Clone();
        random.NextBytes(middle.AsSpan(original.Length / 2, Math.Min(4096, original.Length / 2)));
        yield return ("garbage in the middle", middle);

        var header = (byte[])original.Clone();
        random.NextBytes(header.AsSpan(0, Math.Min(HeaderSize, header.Length)));
        yield return ("file header destroyed", header);

        var noise = new byte[original.Length];
        random.NextBytes(noise);
        yield return ("random bytes", noise);

        yield return ("all zeros", new byte[original.Length]);
    }
}
