using System.Diagnostics;
using System.Globalization;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Sqlite;
using ATTT.Monitor.Search.Bench;
using Microsoft.Extensions.Logging.Abstractions;

// attt-search-bench: a year of a commune's events in the embedded store, then search timings.
var events = 1_000_000L;
var data = "";
var queries = 40;
var shared = "../shared";
var reuse = false;
var producers = Math.Max(1, Environment.ProcessorCount);
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--events": events = long.Parse(args[++i], NumberStyles.AllowExponent | NumberStyles.Integer | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture); break;
        case "--data": data = args[++i]; break;
        case "--queries": queries = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--shared": shared = args[++i]; break;
        case "--producers": producers = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--reuse": reuse = true; break;
        case "--codec": break;
        case "--help" or "-h":
            Console.WriteLine("attt-search-bench [--events N (1e6)] [--data DIR] [--reuse] [--queries N (40 per kind)] [--producers N] [--shared ../shared]");
            Console.WriteLine("Builds N events (50 PCs, 5 units, a year) in DIR/events.db through the store's ingest path, then prints");
            Console.WriteLine("ingest rate, bytes per event and search latency per query kind (p50, p95, max). --reuse searches an existing DIR.");
            return 0;
        default: Console.Error.WriteLine($"unknown option {args[i]} (see --help)"); return 2;
    }
}

if (data.Length == 0)
    data = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"attt-search-bench-{events}"));
var file = Path.Combine(data, EventsDatabase.FileName);
var templates = EventTemplates.Load(shared, 200_000);
if (args.Contains("--codec"))
{
    CodecProbe.Run(templates);
    return 0;
}

var options = new EventStoreOptions { WriteQueueBatches = 512, DetectionHandOffEvents = 0 };
if (!reuse)
{
    if (Directory.Exists(data))
        Directory.Delete(data, recursive: true);
    Directory.CreateDirectory(data);
    await using var store = new SqliteEventStore(new EventsDatabase(file), new EventAppendedSignal(), new CommittedEventFeed(0), options, NullLogger<SqliteEventStore>.Instance);
    var (wall, cpu) = await Generator.FillAsync(store, templates, events, producers);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"ingest: {events:N0} events in {wall.TotalSeconds:F1} s = {events / wall.TotalSeconds:N0} events/s wall, {events / cpu.TotalSeconds:N0} per CPU-second ({producers} producers)"));
    // Bodies stored before the newest dictionary are rewritten in the background; the figures below count them rewritten.
    var rewrite = Stopwatch.StartNew();
    await store.WhenBodiesRecompressedAsync(default);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recompression caught up {rewrite.Elapsed.TotalSeconds:F1} s after ingest"));
}

await using (var store = new SqliteEventStore(new EventsDatabase(file), new EventAppendedSignal(), new CommittedEventFeed(0), options, NullLogger<SqliteEventStore>.Instance))
{
    var stored = await store.CountAsync(default);
    using (var connection = await new EventsDatabase(file).OpenAsync(default))
    using (var checkpoint = connection.CreateCommand())
    {
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        checkpoint.ExecuteNonQuery();
    }

    using (var connection = await new EventsDatabase(file).OpenAsync(default))
    using (var pages = connection.CreateCommand())
    {
        pages.CommandText = "SELECT (SELECT freelist_count FROM pragma_freelist_count) * (SELECT page_size FROM pragma_page_size), (SELECT COUNT(*) FROM events GROUP BY dict ORDER BY dict DESC LIMIT 1), (SELECT COUNT(*) FROM event_dictionaries);";
        using var reader = pages.ExecuteReader();
        reader.Read();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"free pages: {reader.GetInt64(0):N0} bytes (reused by later events); {reader.GetInt64(1):N0} events with the newest of {reader.GetInt64(2)} dictionaries"));
    }

    var bytes = new FileInfo(file).Length + (File.Exists(file + "-wal") ? new FileInfo(file + "-wal").Length : 0);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"storage: {bytes:N0} bytes for {stored:N0} events = {(double)bytes / stored:F1} bytes per event"));

    var kinds = new QueryKinds(templates, 7);
    Console.WriteLine("query kind          p50 ms   p95 ms   max ms   mean hits  budget spent");
    foreach (var kind in QueryKinds.Names)
    {
        var times = new List<double>();
        var hits = 0L;
        var spent = 0;
        for (var q = 0; q < queries; q++)
        {
            var query = kinds.Make(kind);
            if (kind.EndsWith("page 2", StringComparison.Ordinal))
            {
                var first = await store.SearchAsync(query, default);
                query = query with { Before = first.Next };
            }

            var watch = Stopwatch.StartNew();
            var page = await store.SearchAsync(query, default);
            times.Add(watch.Elapsed.TotalMilliseconds);
            hits += page.Events.Count;
            spent += page.BudgetSpent ? 1 : 0;
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{kind,-18} {Percentile(times, 0.50),7:F1}  {Percentile(times, 0.95),7:F1}  {times[^1],7:F1}  {(double)hits / queries,9:F1}  {spent,5}/{queries}"));
    }
}

return 0;

static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
