using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ATTT.Monitor.Agent.Transport;

/// <summary>
/// Certificate pinning for communes with self-signed collector certificates: the server is trusted
/// when the SHA-256 of its public key (SubjectPublicKeyInfo) or of its certificate equals a pin.
/// </summary>
public static class CertificatePinning
{
    public static string NormalizePin(string pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var hex = pin.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Trim();
        if (hex.Length != 64 || !hex.All(Uri.IsHexDigit))
            throw new FormatException($"The certificate pin '{pin}' is not a SHA-256 in hex (64 hex digits, colons allowed).");
        return hex.ToUpperInvariant();
    }

    public static string PublicKeyPin(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexString(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));
    }

    public static string CertificatePin(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
    }

    /// <summary>The TLS validation rule: pins decide when there are any, else the platform's chain check.</summary>
    public static bool Validate(X509Certificate? certificate, SslPolicyErrors errors, IReadOnlyCollection<string> normalizedPins)
    {
        ArgumentNullException.ThrowIfNull(normalizedPins);
        if (normalizedPins.Count == 0)
            return errors == SslPolicyErrors.None;
        if (certificate is null)
            return false;
        using var cert = new X509Certificate2(certificate);
        return normalizedPins.Contains(PublicKeyPin(cert)) || normalizedPins.Contains(CertificatePin(cert));
    }
}
