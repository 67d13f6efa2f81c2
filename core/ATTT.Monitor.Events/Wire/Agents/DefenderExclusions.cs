namespace ATTT.Monitor.Events.Wire.Agents;

/// <summary>
/// Defender's exclusions (paths, extensions, processes): adding one is a classic step of an attacker
/// who wants a tool left alone. <see cref="Added"/> lists those not in the agent's previous report
/// (each as <c>path:VALUE</c>, <c>extension:VALUE</c> or <c>process:VALUE</c>); empty on the first report.
/// </summary>
public sealed record DefenderExclusions(IReadOnlyList<string> Paths, IReadOnlyList<string> Extensions, IReadOnlyList<string> Processes, IReadOnlyList<string> Added)
{
    public const int MaxPerKind = 500;

    public static DefenderExclusions None { get; } = new([], [], [], []);

    /// <summary>Every exclusion as <c>kind:value</c>.</summary>
    public IEnumerable<string> All() =>
        Paths.Select(p => "path:" + p).Concat(Extensions.Select(e => "extension:" + e)).Concat(Processes.Select(p => "process:" + p));

    public bool Equals(DefenderExclusions? other) =>
        other is not null && Paths.SequenceEqual(other.Paths) && Extensions.SequenceEqual(other.Extensions)
        && Processes.SequenceEqual(other.Processes) && Added.SequenceEqual(other.Added);

    public override int GetHashCode() => HashCode.Combine(Paths.Count, Extensions.Count, Processes.Count, Added.Count);
}
