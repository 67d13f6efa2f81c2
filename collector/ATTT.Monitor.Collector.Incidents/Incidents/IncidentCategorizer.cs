using ATTT.Monitor.Collector.Detection;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// Chooses the category of a detection. Configured <see cref="CategoryRule"/>s, when there are any,
/// replace the defaults (first applying rule wins; tags compared in every spelling). The defaults read
/// the rule's ATT&amp;CK tags as rules write them today (hyphenated or underscore tactics, v19 names,
/// techniques): each technique's category from guidance/attack.vi.yml (else a built-in table of the
/// techniques that decide a playbook), wording for ransomware and malware, the tactics' categories
/// only when no technique decides; of several candidates the most serious (<see cref="CategoryRank"/>)
/// wins, so tampering with Defender (T1562, T1685) is protection_disabled, never malware.
/// </summary>
internal sealed class IncidentCategorizer
{
    private readonly List<CategoryRule> _configured;
    private readonly AttackTable _attack;

    public IncidentCategorizer(IncidentsOptions options, AttackTable? attack = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _configured = options.Categories;
        _attack = attack ?? AttackTable.Builtin;
    }

    private static readonly string[] RansomWords = ["ransom", "mã độc tống tiền"];
    private static readonly string[] MalwareWords = ["defender", "antivirus", "malware", "virus", "mã độc"];

    private static readonly (string Technique, string Category)[] BuiltinTechniques =
    [
        ("t1486", IncidentCategory.Ransomware), ("t1490", IncidentCategory.Ransomware), ("t1485", IncidentCategory.Ransomware), ("t1489", IncidentCategory.Ransomware),
        ("t1562", IncidentCategory.ProtectionDisabled), ("t1685", IncidentCategory.ProtectionDisabled), ("t1686", IncidentCategory.ProtectionDisabled),
        ("t1070.001", IncidentCategory.ProtectionDisabled), ("t1112", IncidentCategory.ProtectionDisabled), ("t1553", IncidentCategory.ProtectionDisabled),
        ("t1003", IncidentCategory.AccountCompromise), ("t1110", IncidentCategory.AccountCompromise), ("t1558", IncidentCategory.AccountCompromise),
        ("t1078", IncidentCategory.AccountCompromise), ("t1552", IncidentCategory.AccountCompromise), ("t1555", IncidentCategory.AccountCompromise),
        ("t1491", IncidentCategory.Defacement), ("t1566", IncidentCategory.Phishing),
        ("t1041", IncidentCategory.DataBreach), ("t1048", IncidentCategory.DataBreach), ("t1567", IncidentCategory.DataBreach), ("t1052", IncidentCategory.DataBreach),
    ];

    /// <summary>The tactics' categories when guidance/attack.vi.yml is not loaded (the same as the file's).</summary>
    private static string BuiltinTactic(string key) => key switch
    {
        "credential-access" => IncidentCategory.AccountCompromise,
        "collection" or "exfiltration" => IncidentCategory.DataBreach,
        "defense-impairment" => IncidentCategory.ProtectionDisabled,
        "persistence" => IncidentCategory.Malware,
        "reconnaissance" or "resource-development" => IncidentCategory.Other,
        _ => IncidentCategory.Intrusion,
    };

    /// <summary>Kept for configuration: the wording rules the defaults start with.</summary>
    public static List<CategoryRule> DefaultRules() =>
    [
        new() { Category = IncidentCategory.Ransomware, AnyWords = [.. RansomWords] },
        new() { Category = IncidentCategory.Malware, AnyWords = [.. MalwareWords] },
    ];

    public string Categorize(DetectionHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        if (_configured.Count > 0)
            return _configured.FirstOrDefault(r => Applies(r, hit))?.Category ?? IncidentCategory.Other;
        if (RansomWords.Any(w => Mentions(hit, w)))
            return IncidentCategory.Ransomware;
        string? best = null;
        foreach (var technique in AttackTable.TechniquesOf(hit.Tags))
        {
            if (TechniqueCategory(technique) is { } category)
                best = best is null ? category : CategoryRank.Max(best, category);
        }

        if (MalwareWords.Any(w => Mentions(hit, w)))
            best = best is null ? IncidentCategory.Malware : CategoryRank.Max(best, IncidentCategory.Malware);
        if (best is not null)
            return best;
        foreach (var tactic in _attack.TacticsOf(hit.Tags))
        {
            var category = _attack.Tactic(tactic)?.Category ?? BuiltinTactic(tactic);
            best = best is null ? category : CategoryRank.Max(best, category);
        }

        return best ?? IncidentCategory.Other;
    }

    private string? TechniqueCategory(string id)
    {
        if (_attack.Technique(id)?.Category is { } own)
            return own;
        foreach (var (technique, category) in BuiltinTechniques)
        {
            if (technique == id || technique == AttackTable.Parent(id))
                return category;
        }

        return _attack.Technique(AttackTable.Parent(id))?.Category;
    }

    private bool Applies(CategoryRule rule, DetectionHit hit)
    {
        if (rule.RuleIds.Count > 0 && rule.RuleIds.Contains(hit.RuleId, StringComparer.OrdinalIgnoreCase))
            return true;
        if (rule.AllTags.Count == 0 && rule.AnyTags.Count == 0 && rule.AnyWords.Count == 0)
            return false;
        var tags = Normalised(hit.Tags);
        if (!rule.AllTags.All(t => tags.Contains(Normalised(t))))
            return false;
        if (rule.AnyTags.Count > 0 && !rule.AnyTags.Any(t => tags.Contains(Normalised(t))))
            return false;
        return rule.AnyWords.Count == 0 || rule.AnyWords.Any(w => Mentions(hit, w));
    }

    private HashSet<string> Normalised(IEnumerable<string> tags) => tags.Select(Normalised).ToHashSet(StringComparer.Ordinal);

    /// <summary>A tag in one spelling: a tactic as its key, a technique as its id, anything else lower-cased.</summary>
    private string Normalised(string tag) => _attack.TacticKey(tag) ?? AttackTable.TechniqueId(tag) ?? tag.Trim().ToLowerInvariant();

    private static bool Mentions(DetectionHit hit, string word) =>
        hit.RuleTitle.Contains(word, StringComparison.OrdinalIgnoreCase) ||
        hit.Tags.Any(t => t.Contains(word, StringComparison.OrdinalIgnoreCase));
}
