namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// The ATT&amp;CK tactics and techniques of guidance/attack.vi.yml, and the reading of a rule's
/// <c>attack.*</c> tags against them: tactics in the hyphenated Sigma 2 form, the older underscore
/// form and the names ATT&amp;CK v19 replaced (through each tactic's aliases); techniques by id.
/// <see cref="Builtin"/> knows only the tactics' spellings, for a collector started without the file.
/// </summary>
public sealed class AttackTable
{
    // Before Builtin: static fields initialise in order.
    private static readonly (string Alias, string Key)[] BuiltinAliases =
    [
        ("reconnaissance", "reconnaissance"), ("resource-development", "resource-development"), ("initial-access", "initial-access"),
        ("execution", "execution"), ("persistence", "persistence"), ("privilege-escalation", "privilege-escalation"),
        ("stealth", "stealth"), ("defense-evasion", "stealth"), ("defense-impairment", "defense-impairment"),
        ("credential-access", "credential-access"), ("discovery", "discovery"), ("lateral-movement", "lateral-movement"),
        ("collection", "collection"), ("command-and-control", "command-and-control"), ("exfiltration", "exfiltration"), ("impact", "impact"),
    ];

    private readonly Dictionary<string, AttackTactic> _tactics;
    private readonly Dictionary<string, string> _tacticKeys;
    private readonly Dictionary<string, AttackTechnique> _techniques;

    public AttackTable(IEnumerable<AttackTactic> tactics, IEnumerable<AttackTechnique> techniques)
    {
        _tactics = tactics.ToDictionary(t => t.Key, StringComparer.Ordinal);
        _techniques = techniques.ToDictionary(t => t.Id, StringComparer.Ordinal);
        _tacticKeys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (alias, key) in BuiltinAliases)
            _tacticKeys[alias] = key;
        foreach (var tactic in _tactics.Values)
        {
            _tacticKeys[tactic.Key] = tactic.Key;
            foreach (var alias in tactic.Aliases)
                _tacticKeys[Spell(alias)] = tactic.Key;
        }
    }

    /// <summary>The 15 tactics of ATT&amp;CK v19 with no texts: tags are still read, categories come from <see cref="IncidentCategorizer.DefaultRules"/>.</summary>
    public static AttackTable Builtin { get; } = new([], []);


    public int TacticCount => _tactics.Count;

    public int TechniqueCount => _techniques.Count;

    public AttackTactic? Tactic(string key) => _tactics.GetValueOrDefault(key);

    public AttackTechnique? Technique(string id) => _techniques.GetValueOrDefault(id);

    /// <summary>The tactic keys a set of tags names, in tag order, each once (<c>attack.credential_access</c> gives <c>credential-access</c>).</summary>
    public IReadOnlyList<string> TacticsOf(IEnumerable<string> tags)
    {
        var keys = new List<string>();
        foreach (var tag in tags)
        {
            if (TacticKey(tag) is { } key && !keys.Contains(key))
                keys.Add(key);
        }

        return keys;
    }

    /// <summary>The technique ids a set of tags names (<c>attack.T1003.001</c> gives <c>t1003.001</c>), in tag order, each once.</summary>
    public static IReadOnlyList<string> TechniquesOf(IEnumerable<string> tags)
    {
        var ids = new List<string>();
        foreach (var tag in tags)
        {
            if (TechniqueId(tag) is { } id && !ids.Contains(id))
                ids.Add(id);
        }

        return ids;
    }

    /// <summary>The tactic key of one tag, or null when the tag is no tactic.</summary>
    public string? TacticKey(string tag)
    {
        var name = AttackName(tag);
        return name is null ? null : _tacticKeys.GetValueOrDefault(Spell(name));
    }

    /// <summary>The technique id of one tag (<c>tNNNN</c> or <c>tNNNN.NNN</c>), or null.</summary>
    public static string? TechniqueId(string tag)
    {
        var name = AttackName(tag)?.ToLowerInvariant();
        if (name is not { Length: >= 5 } || name[0] != 't' || !IsDigits(name.AsSpan(1, 4)))
            return null;
        if (name.Length == 5)
            return name;
        return name.Length == 9 && name[5] == '.' && IsDigits(name.AsSpan(6, 3)) ? name : null;
    }

    /// <summary>The parent of a sub-technique (<c>t1003.001</c> gives <c>t1003</c>), or the technique itself.</summary>
    public static string Parent(string techniqueId) => techniqueId.Length > 5 ? techniqueId[..5] : techniqueId;

    /// <summary>The technique's entry, else its parent's.</summary>
    public AttackTechnique? TechniqueOrParent(string id) => Technique(id) ?? Technique(Parent(id));

    private static string? AttackName(string tag)
    {
        var t = tag.Trim();
        return t.StartsWith("attack.", StringComparison.OrdinalIgnoreCase) && t.Length > 7 ? t[7..] : null;
    }

    private static string Spell(string name) => name.Trim().ToLowerInvariant().Replace('_', '-');

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
                return false;
        }

        return true;
    }
}
