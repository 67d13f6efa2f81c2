using ATTT.Monitor.Collector.Detection;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>Chooses the category of a detection's incident from configured <see cref="CategoryRule"/>s.</summary>
public sealed class IncidentCategorizer
{
    private readonly IReadOnlyList<CategoryRule> _rules;

    public IncidentCategorizer(IncidentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _rules = options.Categories.Count > 0 ? options.Categories : DefaultRules();
    }

    /// <summary>
    /// Built-in mapping from ATT&amp;CK tags and rule wording. Order matters: ransomware before
    /// malware before the broad tactic-based categories.
    /// </summary>
    public static List<CategoryRule> DefaultRules() =>
    [
        new() { Category = IncidentCategory.Ransomware, AnyWords = ["ransom", "mã độc tống tiền"] },
        new() { Category = IncidentCategory.Ransomware, AllTags = ["attack.impact"], AnyTags = ["attack.t1486", "attack.t1490"] },
        new() { Category = IncidentCategory.Malware, AnyWords = ["defender", "antivirus", "malware", "virus", "mã độc"] },
        new() { Category = IncidentCategory.Defacement, AnyTags = ["attack.t1491", "attack.t1491.001", "attack.t1491.002"] },
        new() { Category = IncidentCategory.Phishing, AnyTags = ["attack.t1566", "attack.t1566.001", "attack.t1566.002"] },
        new() { Category = IncidentCategory.DataBreach, AnyTags = ["attack.exfiltration", "attack.collection"] },
        new() { Category = IncidentCategory.AccountCompromise, AnyTags = ["attack.credential_access", "attack.t1110", "attack.t1078"] },
        new()
        {
            Category = IncidentCategory.Intrusion,
            AnyTags = ["attack.initial_access", "attack.execution", "attack.persistence", "attack.privilege_escalation",
                "attack.defense_evasion", "attack.lateral_movement", "attack.discovery", "attack.command_and_control", "attack.impact"],
        },
    ];

    public string Categorize(DetectionHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        foreach (var rule in _rules)
        {
            if (Applies(rule, hit))
                return rule.Category;
        }

        return IncidentCategory.Other;
    }

    private static bool Applies(CategoryRule rule, DetectionHit hit)
    {
        if (rule.RuleIds.Count > 0 && rule.RuleIds.Contains(hit.RuleId, StringComparer.OrdinalIgnoreCase))
            return true;
        if (rule.AllTags.Count == 0 && rule.AnyTags.Count == 0 && rule.AnyWords.Count == 0)
            return false;
        if (!rule.AllTags.All(t => hit.Tags.Contains(t, StringComparer.OrdinalIgnoreCase)))
            return false;
        if (rule.AnyTags.Count > 0 && !rule.AnyTags.Any(t => hit.Tags.Contains(t, StringComparer.OrdinalIgnoreCase)))
            return false;
        if (rule.AnyWords.Count > 0 && !rule.AnyWords.Any(w => Mentions(hit, w)))
            return false;
        return true;
    }

    private static bool Mentions(DetectionHit hit, string word) =>
        hit.RuleTitle.Contains(word, StringComparison.OrdinalIgnoreCase) ||
        hit.Tags.Any(t => t.Contains(word, StringComparison.OrdinalIgnoreCase));
}
