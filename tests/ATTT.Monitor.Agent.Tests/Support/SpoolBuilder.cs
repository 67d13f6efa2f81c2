using System.Text;
using ATTT.Monitor.Agent.Spool;
using Microsoft.Extensions.Logging.Abstractions;

namespace ATTT.Monitor.Agent.Tests.Support;

/// <summary>Opens real spools in a temp folder and makes recognisable batches.</summary>
internal sealed class SpoolBuilder
{
    private readonly string _directory;

    public SpoolBuilder(string directory) => _directory = directory;

    public SpoolOptions Options { get; } = new() { MaxBytes = 1024 * 1024, SegmentBytes = 4096 };

    public long Dropped { get; private set; }

    public DiskSpool Open(long acked = 0) =>
        DiskSpool.Open(_directory, Options, acked, n => Dropped += n, NullLogger.Instance);

    public static byte[] Events(long seq, int padding = 100) =>
        Encoding.UTF8.GetBytes($"[{{\"seq\":{seq},\"pad\":\"{new string('x', padding)}\"}}]");

    public static string Text(SpooledBatch batch) => Encoding.UTF8.GetString(batch.EventsJson.Span);
}
