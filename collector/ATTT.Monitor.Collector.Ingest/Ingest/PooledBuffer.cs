using System.Buffers;

namespace ATTT.Monitor.Collector.Ingest;

/// <summary>A growable byte buffer on the shared array pool, so 16 MiB bodies do not churn the large-object heap.</summary>
public sealed class PooledBuffer : IDisposable
{
    private byte[] _array;

    public PooledBuffer(int initialSize) => _array = ArrayPool<byte>.Shared.Rent(Math.Max(initialSize, 4096));

    public int Length { get; private set; }

    public ReadOnlyMemory<byte> Memory => _array.AsMemory(0, Length);

    /// <summary>Reads <paramref name="source"/> to its end; false as soon as more than <paramref name="limit"/> bytes arrive.</summary>
    public async Task<bool> FillAsync(Stream source, long limit, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (Length == _array.Length)
                Grow();
            var read = await source.ReadAsync(_array.AsMemory(Length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
                return true;
            Length += read;
            if (Length > limit)
                return false;
        }
    }

    private void Grow()
    {
        var bigger = ArrayPool<byte>.Shared.Rent(_array.Length * 2);
        _array.AsSpan(0, Length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = bigger;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_array);
        _array = [];
        Length = 0;
    }
}
