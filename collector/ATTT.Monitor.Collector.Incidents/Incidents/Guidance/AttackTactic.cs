namespace ATTT.Monitor.Collector.Incidents;

/// <summary>An ATT&amp;CK tactic as guidance/attack.vi.yml explains it, keyed as Sigma 2 writes it (<c>credential-access</c>).</summary>
public sealed record AttackTactic(string Key, string Name, IReadOnlyList<string> Aliases, string Category, string Explanation, IReadOnlyList<string> WhatToDo);
