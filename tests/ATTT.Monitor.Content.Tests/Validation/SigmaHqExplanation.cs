namespace ATTT.Monitor.Content.Tests.Validation;

/// <summary>One entry of sigmahq.vi.yml: the SigmaHQ rule it explains and where it is written.</summary>
internal sealed record SigmaHqExplanation(string RuleId, string? TitleEn, int Line);
