namespace ATTT.Monitor.Agent.Posture;

/// <summary>The antivirus posture of this PC: Security Center's products and Defender's status (null when absent).</summary>
public sealed record PostureReport(IReadOnlyList<AntivirusProduct> Antivirus, DefenderStatus? Defender)
{
    /// <summary>True when something an operator cares about differs (not just the observation time).</summary>
    public bool DiffersFrom(PostureReport? other) =>
        other is null || !Antivirus.SequenceEqual(other.Antivirus) || Defender != other.Defender;
}
