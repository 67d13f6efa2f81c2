namespace ATTT.Monitor.Collector.Notifications.Options;

/// <summary>The mail server. With no <see cref="Host"/>, messages are written as .eml files instead.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>StartTls (port 587), SslOnConnect (implicit TLS, port 465), or None (loopback relays only).</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "attt-monitor@localhost";

    public string FromName { get; set; } = "ATTT Monitor";

    /// <summary>
    /// SHA-256 (or SHA-1) thumbprint of a server certificate to trust although no public CA signed it
    /// (a province's own mail relay). Certificates that validate normally are always accepted.
    /// </summary>
    public string? TrustedCertificateThumbprint { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Domain part of the stable Message-Id of each outbox row.</summary>
    public string MessageIdDomain { get; set; } = "attt-monitor.local";
}
