namespace ATTT.Monitor.Collector.Incidents;

/// <summary>One entry of guidance/sigmahq.vi.yml: the Vietnamese text of a SigmaHQ rule.</summary>
public sealed record SigmaHqText(string RuleId, string TitleEn, string Title, string WhatHappened, string WhyItMatters, IReadOnlyList<string> WhatToDo);
