namespace ATTT.Monitor.Collector.Access;

/// <summary>
/// What <see cref="AdministrationPolicy"/> says about one action: allowed, or refused with the
/// dashboard text key that explains why (<c>Access.*</c>) and the same reason in English for the audit log.
/// </summary>
public readonly record struct AccessDecision(string? RefusalKey, string? Reason)
{
    public static AccessDecision Allowed => default;

    public bool IsAllowed => RefusalKey is null;

    public static AccessDecision Refused(string key, string reason) => new(key, reason);

    /// <summary>This decision if it refuses, else <paramref name="next"/>'s (checks read top to bottom).</summary>
    public AccessDecision Then(Func<AccessDecision> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return IsAllowed ? next() : this;
    }
}
