using System.Globalization;

namespace ATTT.Monitor.Sigma.Matching;

/// <summary>
/// <c>Field|modifiers: values</c>. Values are ORed, or ANDed with <c>all</c>. A YAML null among the
/// values matches a field that is missing or empty.
/// </summary>
internal sealed class FieldNode(int fieldId, string fieldName, IReadOnlyList<StringMatcher> values, bool all, bool matchNull) : MatchNode
{
    // An array walked by index: foreach over an IReadOnlyList allocates an enumerator per call.
    private readonly StringMatcher[] _matchers = [.. values];

    public int FieldId => fieldId;
    public string FieldName => fieldName;
    public IReadOnlyList<StringMatcher> Matchers => _matchers;
    public bool All => all;
    public bool MatchNull => matchNull;

    public override bool Matches(EvaluationContext context)
    {
        var present = context.TryGet(fieldId, out var value);
        if (!present || string.IsNullOrEmpty(value))
        {
            if (matchNull) return true;
            if (!present) return false;
            value = "";
        }

        var matchers = _matchers;
        if (all)
        {
            for (var i = 0; i < matchers.Length; i++)
            {
                if (!matchers[i].IsMatch(value)) return false;
            }

            return matchers.Length > 0;
        }

        for (var i = 0; i < matchers.Length; i++)
        {
            if (matchers[i].IsMatch(value)) return true;
        }

        return false;
    }

    public override Requirement? Requirement
    {
        get
        {
            if (matchNull || _matchers.Length == 0) return null;
            if (all)
            {
                Requirement? best = null;
                foreach (var m in _matchers) best = Requirement.Best(best, Requirement.Of(fieldId, m.RequiredLiterals));
                return best;
            }

            var literals = new List<string>();
            foreach (var m in _matchers)
            {
                if (m.RequiredLiterals is not { } l) return null;
                literals.AddRange(l);
            }

            return Requirement.Of(fieldId, literals);
        }
    }

    public override IReadOnlySet<int>? RequiredEventIds
    {
        get
        {
            if (fieldName != "EventID" || all || matchNull) return null;
            var ids = new HashSet<int>();
            foreach (var m in _matchers)
            {
                if (m is not TextMatcher { Kind: TextMatchKind.Equals } t
                    || !int.TryParse(t.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    || id.ToString(CultureInfo.InvariantCulture) != t.Text)
                    return null;
                ids.Add(id);
            }

            return ids;
        }
    }
}
