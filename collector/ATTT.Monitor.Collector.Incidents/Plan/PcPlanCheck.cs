using ATTT.Monitor.Events.Wire.Agents;

namespace ATTT.Monitor.Collector.Plan;

/// <summary>
/// One PC against indicator 1: whether it meets the minimum configuration (null: its agent has not
/// reported an inventory), why not (<see cref="Shortfalls"/>, keys of <see cref="PlanShortfall"/>),
/// whether a user of it holds a valid personal digital-signature certificate, and those that expire soon.
/// </summary>
public sealed record PcPlanCheck(
    string AgentId,
    string Unit,
    string Host,
    bool? MeetsMinimum,
    IReadOnlyList<string> Shortfalls,
    bool HasValidSignature,
    IReadOnlyList<SignatureCertificate> Certificates,
    IReadOnlyList<SignatureCertificate> Expiring);
