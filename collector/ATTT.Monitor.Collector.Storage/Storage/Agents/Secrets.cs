using System.Security.Cryptography;
using System.Text;

namespace ATTT.Monitor.Collector.Storage.Agents;

/// <summary>
/// Tokens, enrollment codes and agent ids. Tokens carry 256 random bits, so one SHA-256 is the
/// right hash (no stretching needed); codes are short but one-time, short-lived and rate limited.
/// </summary>
internal static class Secrets
{
    // Crockford base32: no I, L, O, U, so a code read aloud over the phone is not misheard.
    private const string Base32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string NewToken() => "at_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>A code like <c>K7QF-93XD-PLM2</c> (60 random bits).</summary>
    public static string NewEnrollmentCode()
    {
        var chars = new char[14];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = i is 4 or 9 ? '-' : Base32[RandomNumberGenerator.GetInt32(Base32.Length)];
        return new string(chars);
    }

    /// <summary>A ULID-shaped id: 48-bit millisecond time then 80 random bits, sortable by enrolment.</summary>
    public static string NewAgentId(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[16];
        var ms = (ulong)now.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
            bytes[i] = (byte)(ms >> (8 * (5 - i)));
        RandomNumberGenerator.Fill(bytes[6..]);
        var value = new System.Numerics.BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var chars = new char[26];
        for (var i = 25; i >= 0; i--)
        {
            chars[i] = Base32[(int)(value % 32)];
            value /= 32;
        }

        return "a_" + new string(chars);
    }

    public static string Hash(string secret) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Codes are typed by people: case, spaces and dashes do not matter.</summary>
    public static string NormalizeCode(string code)
    {
        var sb = new StringBuilder(code.Length);
        foreach (var c in code)
        {
            if (char.IsAsciiLetterOrDigit(c))
                sb.Append(char.ToUpperInvariant(c));
        }

        return sb.ToString();
    }

    public static bool HashesEqual(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
