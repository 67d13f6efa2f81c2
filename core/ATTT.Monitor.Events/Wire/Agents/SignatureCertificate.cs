namespace ATTT.Monitor.Events.Wire.Agents;

/// <summary>
/// A personal digital-signature certificate found in a user's <c>CurrentUser\My</c> store: the public
/// certificate's fields only, never a private key. <see cref="IssuerCa"/> names the Vietnamese
/// public digital-signature CA (or Ban Cơ yếu Chính phủ) that issued it, null when the issuer is not
/// one of them. <see cref="Profile"/> is the Windows profile (user name) whose store holds it.
/// </summary>
public sealed record SignatureCertificate(
    string Subject,
    string Issuer,
    string Serial,
    string Thumbprint,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    IReadOnlyList<string> KeyUsage,
    IReadOnlyList<string> ExtendedKeyUsage,
    string? IssuerCa,
    string? Profile)
{
    public const int MaxPerReport = 100;

    public bool Equals(SignatureCertificate? other) =>
        other is not null && Thumbprint == other.Thumbprint && Profile == other.Profile && Subject == other.Subject && Issuer == other.Issuer
        && Serial == other.Serial && NotBefore == other.NotBefore && NotAfter == other.NotAfter && IssuerCa == other.IssuerCa
        && KeyUsage.SequenceEqual(other.KeyUsage) && ExtendedKeyUsage.SequenceEqual(other.ExtendedKeyUsage);

    public override int GetHashCode() => HashCode.Combine(Thumbprint, Profile);
}
