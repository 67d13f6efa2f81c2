namespace ATTT.Monitor.Collector.Access;

/// <summary>
/// A service refused an action under <see cref="AdministrationPolicy"/> (and audited the refusal).
/// Pages answer 403 with the text of <see cref="RefusalKey"/>; the JSON API answers 403 with <see cref="Exception.Message"/>.
/// </summary>
public sealed class AccessRefusedException(AccessDecision decision) : Exception(decision.Reason ?? "refused")
{
    public string RefusalKey { get; } = decision.RefusalKey ?? "Access.Refused";
}
