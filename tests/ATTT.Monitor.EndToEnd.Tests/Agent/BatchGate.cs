using System.Net;
using System.Net.Http.Headers;

namespace ATTT.Monitor.EndToEnd.Tests.Agent;

/// <summary>
/// A loopback HTTP relay between the agent and the collector that lets a set number of event
/// batches be acknowledged and then holds the agent's next batch until <see cref="Release"/>.
/// A test can thus stop the collector at a known point of a replay: the agent cannot have
/// delivered more than those batches, however fast or slow the machine is (a paced replay and a
/// timer could not promise that: under load the whole replay finished before the test acted).
/// Once released, calls the collector cannot take are answered 503, which the agent retries.
/// </summary>
internal sealed class BatchGate : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _collector;
    private readonly int _passBatches;
    private readonly SemaphoreSlim _oneBatchAtATime = new(1, 1);
    private readonly TaskCompletionSource _limitReached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _loop;
    private int _acknowledged;
    private int _refused;

    private BatchGate(string collectorUrl, int port, int passBatches)
    {
        _passBatches = passBatches;
        _collector = new HttpClient { BaseAddress = new Uri(collectorUrl), Timeout = TimeSpan.FromSeconds(30) };
        Url = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public string Url { get; }

    /// <summary>Completes once the set number of batches has been acknowledged by the collector.</summary>
    public Task LimitReached => _limitReached.Task;

    /// <summary>Event batches the collector could not take since <see cref="Release"/> (answered 503).</summary>
    public int Refused => Volatile.Read(ref _refused);

    public static BatchGate Start(string collectorUrl, int port, int passBatches) => new(collectorUrl, port, passBatches);

    /// <summary>Lets the held batch and every later call through to the collector (or to a 503 when it is down).</summary>
    public void Release() => _released.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Release();
        _listener.Close();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _collector.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var isBatch = context.Request.Url!.AbsolutePath.EndsWith("/api/v1/events", StringComparison.Ordinal);
        try
        {
            if (!isBatch)
            {
                await ForwardAsync(context);
                return;
            }

            // The agent sends one batch at a time; a retry overlapping a held attempt waits its turn.
            await _oneBatchAtATime.WaitAsync();
            try
            {
                if (Volatile.Read(ref _acknowledged) >= _passBatches)
                    await _released.Task;
                var status = await ForwardAsync(context);
                if (status == HttpStatusCode.OK && Interlocked.Increment(ref _acknowledged) == _passBatches)
                    _limitReached.TrySetResult();
                if (status == HttpStatusCode.ServiceUnavailable)
                    Interlocked.Increment(ref _refused);
            }
            finally
            {
                _oneBatchAtATime.Release();
            }
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The agent gave up on this attempt (its timeout) and closed the connection: it sends again.
        }
    }

    private async Task<HttpStatusCode> ForwardAsync(HttpListenerContext context)
    {
        var incoming = context.Request;
        using var body = new MemoryStream();
        await incoming.InputStream.CopyToAsync(body);
        using var request = new HttpRequestMessage(new HttpMethod(incoming.HttpMethod), incoming.Url!.PathAndQuery.TrimStart('/'));
        request.Content = new ByteArrayContent(body.ToArray());
        if (incoming.ContentType is { } type)
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        if (incoming.Headers["Content-Encoding"] is { } encoding)
            request.Content.Headers.ContentEncoding.Add(encoding);
        if (incoming.Headers["Authorization"] is { } authorization)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);

        HttpStatusCode status;
        byte[] answer;
        string? answerType = null;
        try
        {
            using var response = await _collector.SendAsync(request);
            status = response.StatusCode;
            answer = await response.Content.ReadAsByteArrayAsync();
            answerType = response.Content.Headers.ContentType?.ToString();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            status = HttpStatusCode.ServiceUnavailable; // the collector is stopped
            answer = [];
        }

        var outgoing = context.Response;
        outgoing.StatusCode = (int)status;
        if (answerType is not null)
            outgoing.ContentType = answerType;
        outgoing.ContentLength64 = answer.Length;
        await outgoing.OutputStream.WriteAsync(answer);
        outgoing.Close();
        return status;
    }
}
