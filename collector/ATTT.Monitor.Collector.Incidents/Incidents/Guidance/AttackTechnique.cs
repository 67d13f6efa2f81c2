namespace ATTT.Monitor.Collector.Incidents;

/// <summary>An ATT&amp;CK technique as guidance/attack.vi.yml explains it, keyed by lower-case id (<c>t1003.001</c>).</summary>
public sealed record AttackTechnique(string Id, string Name, IReadOnlyList<string> Tactics, string? Category, string Explanation, IReadOnlyList<string> WhatToDo);
