using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;

namespace ATTT.Monitor.Collector.Ingest;

/// <summary>
/// Reads a JSON request body within limits: 415 for another media type or encoding, 413 when the
/// body or its gzip inflation passes the limit (a gzip bomb is stopped at the limit, not inflated).
/// </summary>
public static class RequestBody
{
    public static async Task<PooledBuffer> ReadJsonAsync(HttpRequest request, long maxCompressed, long maxInflated, CancellationToken cancellationToken)
    {
        var contentType = request.ContentType;
        if (contentType is null || !contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            throw new IngestRejection(StatusCodes.Status415UnsupportedMediaType, "The body must be JSON (Content-Type: application/json).");
        string? encoding = request.Headers.ContentEncoding;
        var gzip = encoding is not null && encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip && encoding is not null && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
            throw new IngestRejection(StatusCodes.Status415UnsupportedMediaType, $"Content-Encoding '{encoding}' is not supported; use gzip.");
        // A body over the limit is still read (and discarded) up to a few times the limit, so the
        // agent gets a clean 413 and splits the batch instead of seeing a reset connection.
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
            sizeFeature.MaxRequestBodySize = maxCompressed * DrainFactor;
        if (request.ContentLength > maxCompressed)
        {
            await DrainAsync(request.Body, cancellationToken).ConfigureAwait(false);
            throw TooLarge(maxCompressed);
        }

        var raw = new PooledBuffer((int)Math.Min(request.ContentLength ?? 64 * 1024, maxCompressed));
        var handedOver = false;
        try
        {
            if (!await raw.FillAsync(request.Body, maxCompressed, cancellationToken).ConfigureAwait(false))
            {
                await DrainAsync(request.Body, cancellationToken).ConfigureAwait(false);
                throw TooLarge(maxCompressed);
            }

            if (gzip)
                return await InflateAsync(raw, maxInflated, cancellationToken).ConfigureAwait(false);
            if (raw.Length > maxInflated)
                throw TooLarge(maxInflated);
            handedOver = true;
            return raw;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(maxCompressed);
        }
        finally
        {
            if (!handedOver)
                raw.Dispose();
        }
    }

    /// <summary>How far past its limit a body is read before the connection is cut.</summary>
    public const int DrainFactor = 4;

    private static async Task DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var scrap = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            while (await body.ReadAsync(scrap, cancellationToken).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (BadHttpRequestException)
        {
            // Past the drain limit: Kestrel closes the connection; nothing more to do.
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(scrap);
        }
    }

    private static async Task<PooledBuffer> InflateAsync(PooledBuffer compressed, long maxInflated, CancellationToken cancellationToken)
    {
        var inflated = new PooledBuffer((int)Math.Min((long)compressed.Length * 8, maxInflated + 1));
        try
        {
            using var source = new ReadOnlyMemoryStream(compressed.Memory);
            await using var gzip = new GZipStream(source, CompressionMode.Decompress);
            if (!await inflated.FillAsync(gzip, maxInflated, cancellationToken).ConfigureAwait(false))
                throw TooLarge(maxInflated);
            return inflated;
        }
        catch (InvalidDataException)
        {
            inflated.Dispose();
            throw new IngestRejection(StatusCodes.Status400BadRequest, "The body is not valid gzip.", "");
        }
        catch
        {
            inflated.Dispose();
            throw;
        }
    }

    private static IngestRejection TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {limit} bytes; split the batch.");
}
