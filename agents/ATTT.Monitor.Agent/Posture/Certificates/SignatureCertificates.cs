using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;

namespace ATTT.Monitor.Agent.Posture.Certificates;

/// <summary>
/// Picks the personal digital-signature certificates out of what the users' stores hold and describes
/// them for posture: subject, issuer, serial, thumbprint, validity, key usage and extended key usage,
/// and the recognised Vietnamese CA. A certificate is a personal signature certificate when it is
/// not a CA and its key usage allows digital signature or non-repudiation. Only the public certificate
/// is ever read; nothing here touches a private key, even when the certificate object has one.
/// </summary>
public static class SignatureCertificates
{
    private static readonly (X509KeyUsageFlags Flag, string Name)[] Usages =
    [
        (X509KeyUsageFlags.DigitalSignature, "digitalSignature"), (X509KeyUsageFlags.NonRepudiation, "nonRepudiation"),
        (X509KeyUsageFlags.KeyEncipherment, "keyEncipherment"), (X509KeyUsageFlags.DataEncipherment, "dataEncipherment"),
        (X509KeyUsageFlags.KeyAgreement, "keyAgreement"), (X509KeyUsageFlags.KeyCertSign, "keyCertSign"),
        (X509KeyUsageFlags.CrlSign, "cRLSign"), (X509KeyUsageFlags.EncipherOnly, "encipherOnly"), (X509KeyUsageFlags.DecipherOnly, "decipherOnly"),
    ];

    /// <summary>The certificate described, or null when it is not a personal signature certificate.</summary>
    public static SignatureCertificate? Describe(X509Certificate2 certificate, string? profile, IssuerCatalog issuers)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(issuers);
        if (certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority))
            return null;
        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault()?.KeyUsages;
        if (usage is not { } flags || (flags & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) == 0)
            return null;
        var extended = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>()
            .SelectMany(e => e.EnhancedKeyUsages.Cast<Oid>()).Select(o => o.Value ?? "").Where(v => v.Length > 0).ToList();
        return new SignatureCertificate(
            Subject: certificate.Subject,
            Issuer: certificate.Issuer,
            Serial: certificate.SerialNumber,
            Thumbprint: certificate.Thumbprint,
            NotBefore: new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
            NotAfter: new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            KeyUsage: Usages.Where(u => flags.HasFlag(u.Flag)).Select(u => u.Name).ToList(),
            ExtendedKeyUsage: extended,
            IssuerCa: issuers.Recognise(certificate.Issuer),
            Profile: profile);
    }

    /// <summary>
    /// Every signature certificate among the store blobs found for each profile, once per profile and
    /// thumbprint, newest expiry first, at most <see cref="SignatureCertificate.MaxPerReport"/>. A damaged
    /// blob is skipped and named in <paramref name="problems"/>.
    /// </summary>
    public static List<SignatureCertificate> FromStores(IEnumerable<(string Profile, string Source, byte[] Blob)> blobs, IssuerCatalog issuers, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(problems);
        var found = new Dictionary<(string, string), SignatureCertificate>();
        foreach (var (profile, source, blob) in blobs)
        {
            try
            {
                using var certificate = X509CertificateLoader.LoadCertificate(SerializedCertificate.Certificate(blob, source));
                if (Describe(certificate, profile, issuers) is { } described)
                    found.TryAdd((profile, described.Thumbprint), described);
            }
            catch (Exception ex) when (ex is FormatException or CryptographicException)
            {
                problems.Add(ex is FormatException ? ex.Message : $"{source}: {ex.Message}");
            }
        }

        return found.Values.OrderByDescending(c => c.NotAfter).ThenBy(c => c.Thumbprint, StringComparer.Ordinal).Take(SignatureCertificate.MaxPerReport).ToList();
    }
}
