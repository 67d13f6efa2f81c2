using System.Net;

namespace ATTT.Monitor.Collector.Tests.Ingest;

/// <summary>An uncompressed JSON body that sends its first bytes, then waits until told to finish.</summary>
internal sealed class SlowContent : HttpContent
{
    private readonly byte[] _body;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SlowContent(byte[] body)
    {
        _body = body;
        Headers.ContentType = new("application/json");
    }

    public Task Started => _started.Task;

    public void Finish() => _finish.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(_body.AsMemory(0, 10));
        await stream.FlushAsync();
        _started.TrySetResult();
        await _finish.Task;
        await stream.WriteAsync(_body.AsMemory(10));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }
}
