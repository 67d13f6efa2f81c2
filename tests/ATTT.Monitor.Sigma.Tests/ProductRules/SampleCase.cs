namespace ATTT.Monitor.Sigma.Tests.ProductRules;

/// <summary>A real EVTX file under ../shared on which a rule must raise at least <see cref="Min"/> alerts.</summary>
internal sealed record SampleCase(string File, int Line, string? RuleId, int Min);
