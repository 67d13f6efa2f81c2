using System.Collections.Concurrent;
using ZstdSharp;

namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>
/// The stored form of an event body: its wire JSON compressed with zstd, with a dictionary trained on
/// this collector's own events once it has seen enough of them (dictionary 0 is plain zstd). A few
/// hundred bytes of JSON compress poorly alone, since most of an event is field names and values that
/// every other event of its kind repeats; the dictionary holds those once for all of them.
/// Compressors and decompressors are pooled (neither is thread-safe; both are costly to create).
/// </summary>
internal sealed class EventBodyCodec : IDisposable
{
    public const int NoDictionary = 0;

    // With a 256 KiB dictionary from 16,000 samples: level 3 gives 186 bytes per event, level 5 165
    // at about twice the CPU (15 us), level 7 152 at 26 us (attt-search-bench --codec). Level 5 keeps
    // the store within 300 bytes per event with its indexes. Compression runs on the request threads,
    // in parallel, never on the single writer.
    private const int Level = 5;

    private readonly EventDictionaries _dictionaries;
    private readonly DictionaryTraining _training;
    private readonly ConcurrentDictionary<long, ConcurrentBag<Decompressor>> _decompressors = new();
    private int _trainingRunning;
    private volatile CompressorPool _current;

    public EventBodyCodec(EventDictionaries dictionaries, DictionaryTraining training)
    {
        _dictionaries = dictionaries;
        _training = training;
        var latest = dictionaries.Latest();
        _current = new CompressorPool(latest?.Id ?? NoDictionary, latest?.Bytes);
        _training.Start(dictionaries.Count());
    }

    /// <summary>The dictionary new bodies are compressed with (0: none yet).</summary>
    public long CurrentDictionary => _current.DictionaryId;

    /// <summary>Compresses one body; also offers it as a training sample while a dictionary is due.</summary>
    public (long Dictionary, byte[] Bytes) Compress(ReadOnlySpan<byte> json)
    {
        var pool = _current;
        var compressor = pool.Rent();
        try
        {
            return (pool.DictionaryId, compressor.Wrap(json).ToArray());
        }
        finally
        {
            pool.Return(compressor);
        }
    }

    /// <summary>
    /// Offers a batch's bodies as training samples. When enough are in, a dictionary is trained in the
    /// background (seconds of CPU: no request waits for it) and used from then on.
    /// </summary>
    public void Offer(IReadOnlyList<byte[]> jsonBodies)
    {
        if (!_training.Offer(jsonBodies) || Interlocked.Exchange(ref _trainingRunning, 1) != 0)
            return;
        var samples = _training.TakeSamples();
        if (samples is null)
        {
            Volatile.Write(ref _trainingRunning, 0);
            return;
        }

        Training = Task.Run(async () =>
        {
            try
            {
                var bytes = DictBuilder.TrainFromBufferFastCover(samples, 10, DictionarySize).ToArray();
                var id = _dictionaries.Add(bytes, samples.Count);
                var previous = _current;
                _current = new CompressorPool(id, bytes);
                previous.Dispose();
                if (DictionaryAdded is { } added)
                    await added(id).ConfigureAwait(false);
            }
            finally
            {
                Volatile.Write(ref _trainingRunning, 0);
            }
        });
    }

    /// <summary>Called once a new dictionary is in use (the store schedules the rewrite of older bodies).</summary>
    public Func<long, Task>? DictionaryAdded { get; set; }

    /// <summary>The latest dictionary training (tests wait for it); completed when none ran.</summary>
    public Task Training { get; private set; } = Task.CompletedTask;

    public byte[] Decompress(long dictionary, ReadOnlySpan<byte> stored)
    {
        var bag = _decompressors.GetOrAdd(dictionary, _ => []);
        if (!bag.TryTake(out var decompressor))
        {
            decompressor = new Decompressor();
            if (dictionary != NoDictionary)
            {
                var bytes = _dictionaries.Get(dictionary)
                    ?? throw new InvalidDataException($"events.db: dictionary {dictionary} of a stored event is missing.");
                decompressor.LoadDictionary(bytes);
            }
        }

        try
        {
            return decompressor.Unwrap(stored).ToArray();
        }
        finally
        {
            bag.Add(decompressor);
        }
    }

    public static Compressor CreateCompressor(byte[]? dictionary)
    {
        var c = new Compressor(Level);
        // The dictionary id is in its own column: it need not be in each frame too.
        c.SetParameter(ZstdSharp.Unsafe.ZSTD_cParameter.ZSTD_c_dictIDFlag, 0);
        if (dictionary is not null)
            c.LoadDictionary(dictionary);
        return c;
    }

    /// <summary>
    /// 256 KiB: events of many kinds (Sysmon, Security, PowerShell, Defender) share the dictionary, and
    /// a larger one holds more of their names and values (186 bytes per event against 198 at zstd's
    /// default 112 KiB, level 3); the samples are over a hundred times its size, as zstd advises.
    /// </summary>
    public const int DictionarySize = 256 * 1024;

    public void Dispose()
    {
        _current.Dispose();
        foreach (var bag in _decompressors.Values)
        {
            while (bag.TryTake(out var d))
                d.Dispose();
        }
    }

    private sealed class CompressorPool(long dictionaryId, byte[]? dictionary) : IDisposable
    {
        private readonly ConcurrentBag<Compressor> _free = [];
        private volatile bool _disposed;

        public long DictionaryId { get; } = dictionaryId;

        public Compressor Rent()
        {
            if (_free.TryTake(out var c))
                return c;
            return CreateCompressor(dictionary);
        }

        public void Return(Compressor compressor)
        {
            if (_disposed)
                compressor.Dispose();
            else
                _free.Add(compressor);
        }

        public void Dispose()
        {
            _disposed = true;
            while (_free.TryTake(out var c))
                c.Dispose();
        }
    }
}
