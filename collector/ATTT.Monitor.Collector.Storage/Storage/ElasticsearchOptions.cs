namespace ATTT.Monitor.Collector.Storage;

/// <summary>Settings of the Elasticsearch event store (<c>Storage:Events:Elasticsearch</c>).</summary>
public sealed class ElasticsearchOptions
{
    public string? Url { get; set; }
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string? ApiKey { get; set; }

    /// <summary>Fingerprint of the cluster's CA certificate, for a self-signed cluster.</summary>
    public string? CertificateFingerprint { get; set; }

    /// <summary>The data stream events go to; the template and lifecycle policy are named after it.</summary>
    public string DataStream { get; set; } = "logs-attt.windows-default";
}
