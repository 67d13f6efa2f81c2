using ATTT.Monitor.Events.Wire;
using ATTT.Monitor.Events.Wire.Agents;

namespace ATTT.Monitor.Agent.Posture;

/// <summary>
/// Decodes Security Center's <c>productState</c> (docs/protocol.md): the middle byte's bits 12-13
/// say on (0x1000), off (0x0000), snoozed (0x2000) or expired (0x3000); the low byte says whether
/// definitions are up to date (0x00) or out of date (0x10). The top byte is the security provider
/// (0x04 = antivirus ... ) and is not needed here.
/// </summary>
public static class ProductState
{
    public enum ScannerState
    {
        Off = 0,
        On = 1,
        Snoozed = 2,
        Expired = 3,
    }

    public static ScannerState Scanner(uint state) => (ScannerState)((state >> 12) & 0x3);

    public static bool Enabled(uint state) => Scanner(state) == ScannerState.On;

    public static bool DefinitionsUpToDate(uint state) => (state & 0xF0) == 0x00;

    public static AntivirusProduct Decode(string name, uint state, string? path) =>
        // Security Center has no separate real-time flag: an enabled scanner is the real-time one.
        new(name, state, Enabled(state), Enabled(state), DefinitionsUpToDate(state), path);
}
