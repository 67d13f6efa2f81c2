namespace ATTT.Monitor.Collector.Storage;

/// <summary>
/// The hosts named by stored events, read from what the store keeps once per source (agent, unit,
/// host, channel), never by scanning event bodies. Drill events are left out.
/// </summary>
public interface IEventHosts
{
    /// <summary>Each (unit, host) once (host names compared without case), by unit then host; <paramref name="units"/> null = every unit.</summary>
    Task<IReadOnlyList<EventHost>> ListAsync(IReadOnlyCollection<string>? units, CancellationToken cancellationToken);
}
