namespace ATTT.Monitor.Collector.Hosting;

/// <summary>The server certificate (<c>Collector:Https</c>): a PKCS#12 file, or PEM certificate and key.</summary>
internal sealed class HttpsOptions
{
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }

    /// <summary>For a PEM certificate: the private key file.</summary>
    public string? KeyPath { get; set; }
}
