using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using ATTT.Monitor.Agent.Posture.Certificates;
using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;

namespace ATTT.Monitor.Agent.Tests.Posture;

/// <summary>
/// Personal signature certificates from users' store blobs in the format Windows keeps them in
/// (serialized certificate properties), issued the way Vietnamese CAs issue them; never a private key.
/// </summary>
public sealed class SignatureCertificateTests
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);
    private readonly IssuerCatalog _issuers = IssuerCatalog.Default();

    [Fact]
    public void A_user_signature_certificate_from_a_store_blob_is_described_with_its_recognised_ca()
    {
        using var user = Issue("CN=VNPT Certification Authority, OU=VNPT-CA Trust Network, O=VNPT Group, C=VN", "CN=Nguyễn Văn A, O=UBND xã Sảng Mộc, C=VN");
        var blob = StoreBlob(user);
        var problems = new List<string>();

        var found = Assert.Single(SignatureCertificates.FromStores([("nguyenvana", "My\\Certificates\\" + user.Thumbprint, blob)], _issuers, problems));

        Assert.Empty(problems);
        Assert.Equal("CN=Nguyễn Văn A, O=UBND xã Sảng Mộc, C=VN", found.Subject);
        Assert.Equal("VNPT-CA", found.IssuerCa);
        Assert.Equal(user.SerialNumber, found.Serial);
        Assert.Equal(user.Thumbprint, found.Thumbprint);
        Assert.Equal(IssuedAt.AddYears(2), found.NotAfter);
        Assert.Equal(["digitalSignature", "nonRepudiation"], found.KeyUsage);
        Assert.Equal(["1.3.6.1.5.5.7.3.4"], found.ExtendedKeyUsage);
        Assert.Equal("nguyenvana", found.Profile);
    }

    [Theory]
    [InlineData("CN=CA phục vụ các cơ quan Nhà nước, O=Ban Cơ yếu Chính phủ, C=VN", "Ban Cơ yếu Chính phủ")]
    [InlineData("CN=Viettel-CA SHA-256, O=Viettel Group, C=VN", "Viettel-CA")]
    [InlineData("CN=FPT Certification Authority, O=FPT Information System, C=VN", "FPT-CA")]
    [InlineData("CN=MISA Certification Authority, O=MISA JSC, C=VN", "MISA-CA")]
    [InlineData("CN=Some Other CA, O=Elsewhere", null)]
    public void Vietnamese_public_cas_and_the_government_cipher_committee_are_recognised_from_the_data_file(string issuer, string? ca) =>
        Assert.Equal(ca, _issuers.Recognise(issuer));

    [Fact]
    public void Ca_certificates_and_certificates_that_cannot_sign_are_not_personal_signature_certificates()
    {
        using var tls = Issue("CN=VNPT Certification Authority, O=VNPT Group, C=VN", "CN=web.xa.local", X509KeyUsageFlags.KeyEncipherment);
        using var ca = Issue("CN=VNPT Certification Authority, O=VNPT Group, C=VN", "CN=Sub CA", X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.DigitalSignature, isCa: true);

        Assert.Null(SignatureCertificates.Describe(tls, null, _issuers));
        Assert.Null(SignatureCertificates.Describe(ca, null, _issuers));
    }

    [Fact]
    public void A_damaged_blob_is_named_and_skipped()
    {
        using var user = Issue("CN=VNPT Certification Authority, O=VNPT Group, C=VN", "CN=Trần Thị B");
        var problems = new List<string>();
        var cut = StoreBlob(user)[..40];
        var noCertificate = SerializedCertificate.Write((3, new byte[20]));

        var found = SignatureCertificates.FromStores([("b", "file-1", cut), ("b", "file-2", noCertificate), ("b", "file-3", StoreBlob(user))], _issuers, problems);

        Assert.Single(found);
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("file-1: ", StringComparison.Ordinal) && p.Contains("cut short", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("file-2: ", StringComparison.Ordinal) && p.Contains("no certificate", StringComparison.Ordinal));
    }

    [Fact]
    public void No_private_key_leaves_the_pc_even_when_the_certificate_has_one()
    {
        using var user = Issue("CN=VNPT Certification Authority, O=VNPT Group, C=VN", "CN=Nguyễn Văn A", keepKey: true);
        Assert.True(user.HasPrivateKey);
        var key = user.GetRSAPrivateKey()!;
        var secrets = new[] { Convert.ToBase64String(key.ExportPkcs8PrivateKey()), Convert.ToHexString(key.ExportRSAPrivateKey()), "PRIVATE KEY" };

        var described = SignatureCertificates.Describe(user, "nguyenvana", _issuers)!;
        var body = Encoding.UTF8.GetString(AgentProtocolWriter.Write(new PostureReport("a_1", IssuedAt, [], null, Certificates: [described])));

        foreach (var secret in secrets)
            Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
        // The key parameters (modulus is public; the private exponent D is not) are nowhere in the report.
        var d = key.ExportParameters(includePrivateParameters: true).D!;
        Assert.DoesNotContain(Convert.ToBase64String(d), body, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(d), body, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The certificate as a store file holds it: SHA-1 hash (3), key provider info (2, a container name), the DER certificate (32).</summary>
    private static byte[] StoreBlob(X509Certificate2 certificate) => SerializedCertificate.Write(
        (3, Convert.FromHexString(certificate.Thumbprint)),
        (2, Encoding.Unicode.GetBytes("le-VnptTokenContainer-1234\0")),
        (SerializedCertificate.CertificateProperty, certificate.RawData));

    private static X509Certificate2 Issue(string issuer, string subject, X509KeyUsageFlags usage = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation,
        bool isCa = false, bool keepKey = false)
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest(issuer, caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var caCert = caRequest.CreateSelfSigned(IssuedAt.AddYears(-5), IssuedAt.AddYears(10));
        using var userKey = RSA.Create(2048);
        var request = new CertificateRequest(subject, userKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isCa, false, 0, true));
        if (!isCa)
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.4")], critical: false));
        using var issued = request.Create(caCert, IssuedAt, IssuedAt.AddYears(2), [0x54, 0x04, 0xFF, 0xFE, 0xB7, 0x03, 0x3F, 0xB3]);
        if (!keepKey)
            return X509CertificateLoader.LoadCertificate(issued.RawData);
        using var withKey = issued.CopyWithPrivateKey(userKey);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
    }
}
