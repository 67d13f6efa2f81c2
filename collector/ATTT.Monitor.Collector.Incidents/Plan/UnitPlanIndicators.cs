namespace ATTT.Monitor.Collector.Plan;

/// <summary>
/// Indicator 1 of a unit's plan ("cán bộ có máy tính đáp ứng cấu hình tối thiểu và có chữ ký số cá
/// nhân", target 100%): of its <see cref="Pcs"/> enrolled PCs (revoked and drill agents left out), how
/// many meet the minimum configuration and how many hold a valid digital-signature certificate. A PC
/// whose agent has sent no inventory counts as not meeting it (<see cref="Unreported"/> says how many).
/// </summary>
public sealed record UnitPlanIndicators(string Unit, int Pcs, int MeetingMinimum, int Unreported, int WithValidSignature, IReadOnlyList<PcPlanCheck> Checks)
{
    public double? MinimumShare => Pcs == 0 ? null : (double)MeetingMinimum / Pcs;

    public double? SignatureShare => Pcs == 0 ? null : (double)WithValidSignature / Pcs;

    /// <summary>Certificates that expire soon, soonest first, with the PC that holds each.</summary>
    public IEnumerable<(PcPlanCheck Pc, Events.Wire.Agents.SignatureCertificate Certificate)> Expiring =>
        Checks.SelectMany(c => c.Expiring.Select(e => (c, e))).OrderBy(x => x.e.NotAfter);
}
