namespace ATTT.Monitor.Collector.Playbooks;

/// <summary>A person taking part in a drill, with the playbook role they play.</summary>
public sealed record DrillParticipant(string Name, string Email, string Role);
