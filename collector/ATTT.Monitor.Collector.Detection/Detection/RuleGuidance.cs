namespace ATTT.Monitor.Collector.Detection;

/// <summary>
/// A product rule's <c>guidance:</c> attribute: why the detection matters and the steps an IT officer
/// takes now, in Vietnamese (the rule's <c>description</c> says what happened).
/// </summary>
public sealed record RuleGuidance(string? WhyItMatters, IReadOnlyList<string> WhatToDo)
{
    /// <summary>Product rules are written by the team; this is how their author is spelled.</summary>
    public const string ProductAuthor = "ATTT Monitor";

    /// <summary>Reads <c>guidance:</c> from a rule's custom attributes; null when absent or not a map.</summary>
    public static RuleGuidance? From(IReadOnlyDictionary<string, object?> customAttributes)
    {
        ArgumentNullException.ThrowIfNull(customAttributes);
        if (!customAttributes.TryGetValue("guidance", out var value) || value is not IReadOnlyDictionary<string, object?> map)
            return null;
        var why = map.TryGetValue("why_it_matters", out var w) ? w as string : null;
        var steps = map.TryGetValue("what_to_do", out var s) && s is IReadOnlyList<object?> list
            ? list.OfType<string>().Where(t => !string.IsNullOrWhiteSpace(t)).ToList()
            : [];
        return why is null && steps.Count == 0 ? null : new RuleGuidance(why, steps);
    }
}
