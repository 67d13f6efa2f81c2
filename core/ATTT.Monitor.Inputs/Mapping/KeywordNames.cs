namespace ATTT.Monitor.Inputs.Mapping;

/// <summary>
/// Winlogbeat gives an event's keywords by name; rules compare the number Windows writes. The
/// names of the standard keywords are turned back into it; Windows sets the top bit on events of the
/// Security log, so "Audit Success" is 0x8020000000000000 as an EVTX record shows it.
/// </summary>
internal static class KeywordNames
{
    private const ulong SecurityChannelBit = 0x8000000000000000;

    /// <summary>The keywords as Windows renders them, or null when a name is not a standard keyword.</summary>
    public static string? ToHex(IEnumerable<string> names)
    {
        ulong mask = 0;
        var any = false;
        foreach (var name in names)
        {
            ulong? bits = name switch
            {
                "Audit Success" => SecurityChannelBit | 0x20000000000000,
                "Audit Failure" => SecurityChannelBit | 0x10000000000000,
                "Classic" => 0x80000000000000,
                "Correlation Hint" => 0x40000000000000,
                "SQM" => 0x8000000000000,
                "WDI Diag" => 0x4000000000000,
                "WDI Context" => 0x2000000000000,
                "Response Time" => 0x1000000000000,
                _ => null,
            };
            if (bits is null)
                return null;
            mask |= bits.Value;
            any = true;
        }

        return any ? JsonValues.Hex(mask) : null;
    }
}
