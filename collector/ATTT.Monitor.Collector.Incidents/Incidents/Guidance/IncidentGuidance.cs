using ATTT.Monitor.Collector.Detection;

namespace ATTT.Monitor.Collector.Incidents;

/// <summary>
/// The Vietnamese text of every detection, in the order guidance/README.md sets: the product rule's
/// own title, description and <c>guidance</c>; else the SigmaHQ rule's entry in sigmahq.vi.yml; else
/// a text composed from attack.vi.yml (the most specific technique tagged, its tactic) with the rule's
/// English title kept beside it. Loaded once at start (<see cref="GuidanceFiles"/>).
/// </summary>
public sealed class IncidentGuidance
{
    private readonly IReadOnlyDictionary<string, SigmaHqText> _sigmaHq;

    public IncidentGuidance(AttackTable attack, IReadOnlyDictionary<string, SigmaHqText> sigmaHq)
    {
        Attack = attack;
        _sigmaHq = sigmaHq;
    }

    /// <summary>No guidance folder: tags are still read; titles stay the rules' own.</summary>
    public static IncidentGuidance None { get; } = new(AttackTable.Builtin, new Dictionary<string, SigmaHqText>());

    public AttackTable Attack { get; }

    public int SigmaHqCount => _sigmaHq.Count;

    /// <summary>The Vietnamese name of a tactic key (<c>credential-access</c>), or the key itself.</summary>
    public string TacticName(string key) => Attack.Tactic(key)?.Name ?? key;

    public IncidentExplanation Explain(DetectionHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        if (hit.IsProductRule)
        {
            var composed = Compose(hit);
            return new IncidentExplanation(hit.RuleTitle, null, hit.Description ?? composed?.WhatHappened ?? hit.RuleTitle,
                hit.Guidance?.WhyItMatters ?? composed?.WhyItMatters,
                hit.Guidance is { WhatToDo.Count: > 0 } g ? g.WhatToDo : composed?.WhatToDo ?? [], IncidentExplanation.FromProductRule);
        }

        if (_sigmaHq.TryGetValue(hit.RuleId, out var entry))
            return new IncidentExplanation(entry.Title, hit.RuleTitle, entry.WhatHappened, entry.WhyItMatters, entry.WhatToDo, IncidentExplanation.FromSigmaHq);
        return Compose(hit) ?? new IncidentExplanation(hit.RuleTitle, null,
            hit.Description ?? $"Quy tắc phát hiện “{hit.RuleTitle}” khớp với một sự kiện trên máy.", null,
            ["Xem các sự kiện trong sự cố và hỏi người dùng máy có đang làm việc đó không.", "Nếu không ai làm, cô lập máy (rút cáp mạng, không tắt máy) và báo cán bộ phụ trách."],
            IncidentExplanation.FromRuleText);
    }

    /// <summary>From the ATT&amp;CK table: the most specific technique found gives name, explanation and steps; its tactic adds the tactic name.</summary>
    private IncidentExplanation? Compose(DetectionHit hit)
    {
        var techniques = AttackTable.TechniquesOf(hit.Tags);
        var technique = techniques.Where(t => t.Length > 5).Select(Attack.Technique).FirstOrDefault(t => t is not null)
            ?? techniques.Select(Attack.TechniqueOrParent).FirstOrDefault(t => t is not null);
        var tactics = Attack.TacticsOf(hit.Tags);
        var tactic = tactics.Select(Attack.Tactic).FirstOrDefault(t => t is not null)
            ?? technique?.Tactics.Select(Attack.Tactic).FirstOrDefault(t => t is not null);
        if (technique is not null)
        {
            var where = tactic is null ? "" : $" (giai đoạn {tactic.Name})";
            return new IncidentExplanation(technique.Name, hit.RuleTitle,
                $"Phát hiện dấu hiệu của kỹ thuật tấn công {technique.Name}{where}. {technique.Explanation}",
                tactic?.Explanation, technique.WhatToDo.Count > 0 ? technique.WhatToDo : tactic?.WhatToDo ?? [], IncidentExplanation.FromAttack);
        }

        return tactic is null ? null : new IncidentExplanation(tactic.Name, hit.RuleTitle,
            $"Phát hiện hoạt động thuộc giai đoạn tấn công {tactic.Name}.", tactic.Explanation, tactic.WhatToDo, IncidentExplanation.FromAttack);
    }
}
