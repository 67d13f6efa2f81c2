using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ATTT.Monitor.Collector.Notifications.Acks;

/// <summary>
/// Signs and checks the confirmation-link tokens: <c>base64url(messageKey:expiresUnix).base64url(HMAC-SHA256)</c>.
/// The token itself is the credential (recipients have no account), so it names one outbox row
/// and expires. The key is generated once and kept in the data folder, readable by the owner only.
/// </summary>
internal sealed class AckTokenService
{
    private readonly byte[] _key;

    public AckTokenService(AckKeyFile keyFile) => _key = keyFile.LoadOrCreate();

    public string Create(string messageKey, DateTimeOffset expires)
    {
        var payload = Encoding.UTF8.GetBytes(messageKey + ":" + expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload));
    }

    /// <summary>The message key when the signature is right and the token has not expired.</summary>
    public bool TryValidate(string? token, DateTimeOffset now, out string messageKey)
    {
        messageKey = "";
        if (string.IsNullOrEmpty(token) || token.Length > 512)
            return false;
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
            return false;
        byte[] payload, signature;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_key, payload)))
            return false;
        var text = Encoding.UTF8.GetString(payload);
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !long.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
            return false;
        if (now.ToUnixTimeSeconds() > expires)
            return false;
        messageKey = text[..colon];
        return true;
    }
}
