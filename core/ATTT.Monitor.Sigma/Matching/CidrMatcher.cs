using System.Net;
using ATTT.Monitor.Sigma.Parsing;

namespace ATTT.Monitor.Sigma.Matching;

/// <summary>The <c>cidr</c> modifier, IPv4 and IPv6.</summary>
internal sealed class CidrMatcher : StringMatcher
{
    private readonly byte[] _network;
    private readonly int _prefix;

    public string Text { get; }

    public CidrMatcher(string cidr)
    {
        Text = cidr;
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? cidr : cidr[..slash];
        if (!IPAddress.TryParse(addressText, out var address))
            throw SigmaRuleException.Invalid($"'{cidr}' is not a CIDR network");
        _network = address.GetAddressBytes();
        _prefix = _network.Length * 8;
        if (slash >= 0 && (!int.TryParse(cidr.AsSpan(slash + 1), out _prefix) || _prefix < 0 || _prefix > _network.Length * 8))
            throw SigmaRuleException.Invalid($"'{cidr}' has an invalid prefix length");
    }

    public override bool IsMatch(string value)
    {
        if (!IpAddressText.TryParse(value, out var ip)) return false;
        if (ip.IsIPv4MappedToIPv6 && _network.Length == 4) ip = ip.MapToIPv4();
        var bytes = ip.GetAddressBytes();
        if (bytes.Length != _network.Length) return false;
        var full = _prefix / 8;
        for (var i = 0; i < full; i++)
        {
            if (bytes[i] != _network[i]) return false;
        }

        var rest = _prefix % 8;
        if (rest == 0) return true;
        var mask = (byte)(0xFF << (8 - rest));
        return (bytes[full] & mask) == (_network[full] & mask);
    }
}
