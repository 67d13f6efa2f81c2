using System.Net;

namespace ATTT.Monitor.Sigma.Matching;

/// <summary>
/// Parses an event field as an IP address for the <c>cidr</c> modifier, accepting only the forms
/// Windows writes: dotted-quad IPv4 with decimal parts (<c>192.168.1.5</c>) or IPv6 text (with ':').
/// <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> alone also takes inet_aton shorthands,
/// so "5" would be 0.0.0.5 and "0x7f.1" 127.0.0.1, and a number field would fall "inside" 0.0.0.0/0.
/// </summary>
internal static class IpAddressText
{
    public static bool TryParse(string text, out IPAddress address)
    {
        address = IPAddress.None;
        if (text.Contains(':', StringComparison.Ordinal))
        {
            if (text.AsSpan().ContainsAny(' ', '\t') || !IPAddress.TryParse(text, out var v6))
                return false;
            address = v6;
            return true;
        }

        Span<byte> bytes = stackalloc byte[4];
        var part = 0;
        var value = 0;
        var digits = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                if (digits == 0 || part == 3)
                    return false;
                bytes[part++] = (byte)value;
                value = digits = 0;
            }
            else if (c is >= '0' and <= '9' && digits < 3)
            {
                value = value * 10 + (c - '0');
                digits++;
                if (value > 255)
                    return false;
            }
            else
                return false;
        }

        if (part != 3 || digits == 0)
            return false;
        bytes[3] = (byte)value;
        address = new IPAddress(bytes);
        return true;
    }
}
