namespace ATTT.Monitor.Events.Wire.Agents;

/// <summary>
/// The body of <c>POST /api/v1/posture</c> (docs/protocol.md): antivirus (Security Center and
/// Defender), and, added in v1 as optional fields, the PC inventory, the users' digital-signature
/// certificates and the state of each event log channel. Absent optional parts are null; every
/// string is agent-controlled text: encode it when shown.
/// </summary>
public sealed record PostureReport(
    string AgentId,
    DateTimeOffset ObservedAt,
    IReadOnlyList<AntivirusProduct> Antivirus,
    DefenderStatus? Defender,
    PcInventory? Inventory = null,
    IReadOnlyList<SignatureCertificate>? Certificates = null,
    IReadOnlyList<ChannelState>? Channels = null)
{
    public const int MaxProducts = 32;

    /// <summary>True when something an operator cares about differs: not the agent id nor the observation time.</summary>
    public bool DiffersFrom(PostureReport? other) =>
        other is null || !Antivirus.SequenceEqual(other.Antivirus) || Defender != other.Defender || Inventory != other.Inventory
        || !Same(Certificates, other.Certificates) || !Same(Channels, other.Channels);

    private static bool Same<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) => a is null ? b is null : b is not null && a.SequenceEqual(b);
}
