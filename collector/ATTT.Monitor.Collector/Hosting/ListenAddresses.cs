using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ATTT.Monitor.Collector.Hosting;

/// <summary>
/// Checks and applies the listening addresses: HTTPS needs a configured certificate; plain HTTP is
/// allowed on loopback only unless <c>Collector:AllowPlainHttp=true</c>. Also sets Kestrel's limits
/// against oversized and slow clients.
/// </summary>
internal static class ListenAddresses
{
    public static void Check(IEnumerable<string> urls, CollectorOptions options)
    {
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri))
                throw new InvalidOperationException($"The address {url} is not a valid URL.");
            if (uri.Scheme == Uri.UriSchemeHttps && string.IsNullOrWhiteSpace(options.Https.CertificatePath))
                throw new InvalidOperationException($"The address {url} uses HTTPS but no certificate is configured (set Collector:Https:CertificatePath).");
            if (uri.Scheme == Uri.UriSchemeHttp && !options.AllowPlainHttp && !IsLoopback(uri.Host))
                throw new InvalidOperationException(
                    $"Plain HTTP on {url} would expose agent tokens; use an https:// address with Collector:Https:CertificatePath, listen on 127.0.0.1, or set Collector:AllowPlainHttp=true.");
        }
    }

    public static bool IsLoopback(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    public static void ConfigureKestrel(KestrelServerOptions kestrel, CollectorOptions options, long maxRequestBodyBytes)
    {
        var limits = kestrel.Limits;
        limits.MaxRequestBodySize = maxRequestBodyBytes;
        limits.RequestHeadersTimeout = TimeSpan.FromSeconds(options.RequestHeadersTimeoutSeconds);
        limits.MinRequestBodyDataRate = new MinDataRate(options.MinRequestBodyBytesPerSecond, TimeSpan.FromSeconds(options.MinRequestBodyGraceSeconds));
        limits.MaxConcurrentConnections = options.MaxConcurrentConnections;
        limits.MaxRequestHeadersTotalSize = 32 * 1024;
        kestrel.AddServerHeader = false;
        if (string.IsNullOrWhiteSpace(options.Https.CertificatePath))
            return;
        var certificate = LoadCertificate(options.Https);
        kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate);
    }

    private static X509Certificate2 LoadCertificate(HttpsOptions https)
    {
        var path = Path.GetFullPath(https.CertificatePath!);
        if (!File.Exists(path))
            throw new InvalidOperationException($"The certificate file {path} (Collector:Https:CertificatePath) does not exist.");
        try
        {
            if (https.KeyPath is not null)
                return X509Certificate2.CreateFromPemFile(path, Path.GetFullPath(https.KeyPath));
            return X509CertificateLoader.LoadPkcs12FromFile(path, https.CertificatePassword);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new InvalidOperationException($"The certificate {path} could not be loaded ({ex.Message.TrimEnd('.')}); check the file and Collector:Https:CertificatePassword.", ex);
        }
    }
}
