namespace ATTT.Monitor.Collector.Storage;

/// <summary>
/// A host name stored events carry (their Computer field, attacker-controlled: encode it) in a unit,
/// and one agent that sent events naming it.
/// </summary>
public sealed record EventHost(string Unit, string Host, string AgentId);
