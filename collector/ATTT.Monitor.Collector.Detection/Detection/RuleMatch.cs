namespace ATTT.Monitor.Collector.Detection;

/// <summary>A rule that matched a stored event (a correlation rule: the event that completed it).</summary>
public sealed record RuleMatch(string RuleId, string Title, string Level, IReadOnlyList<string> Tags, string? Description)
{
    /// <summary>True for the product's own rules (rules/windows): their Vietnamese text wins over a SigmaHQ twin's.</summary>
    public bool IsProductRule { get; init; }

    /// <summary>The rule's own <c>guidance:</c> attribute (product rules), or null.</summary>
    public RuleGuidance? Guidance { get; init; }

    /// <summary>The ids the rule names in <c>related:</c> (the SigmaHQ rules a product rule is the twin of).</summary>
    public IReadOnlyList<string> Related { get; init; } = [];
}
