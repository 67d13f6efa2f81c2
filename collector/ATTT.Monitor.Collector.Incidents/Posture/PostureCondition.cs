using ATTT.Monitor.Collector.Incidents;

namespace ATTT.Monitor.Collector.Posture;

/// <summary>The posture conditions that open incidents, with their titles (Vietnamese first), category and severity.</summary>
public sealed record PostureCondition(string Key, string Title, string Category, IncidentSeverity Severity)
{
    public static PostureCondition NoAntivirus { get; } = new("no_antivirus",
        "Máy trạm không có phần mềm diệt virus / No antivirus registered", IncidentCategory.ProtectionDisabled, IncidentSeverity.High);

    public static PostureCondition ProtectionOff { get; } = new("protection_off",
        "Bảo vệ thời gian thực bị tắt / Antivirus protection is off", IncidentCategory.ProtectionDisabled, IncidentSeverity.High);

    public static PostureCondition SignaturesOutdated { get; } = new("signatures_outdated",
        "Mẫu nhận diện virus quá cũ / Antivirus signatures are out of date", IncidentCategory.ProtectionDisabled, IncidentSeverity.Medium);

    /// <summary>Low, and never an authority notice: a PC switched off is not an attack; the IT officer sees it in the digest.</summary>
    public static PostureCondition AgentSilent { get; } = new("agent_silent",
        "Máy trạm không gửi dữ liệu cả một ngày làm việc / PC silent for a whole working day", IncidentCategory.AgentSilent, IncidentSeverity.Low);

    /// <summary>The conditions a posture report decides (silence is decided from heartbeats).</summary>
    public static IReadOnlyList<PostureCondition> FromReports { get; } = [NoAntivirus, ProtectionOff, SignaturesOutdated];
}
