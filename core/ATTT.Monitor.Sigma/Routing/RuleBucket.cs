using ATTT.Monitor.Events;
using ATTT.Monitor.Sigma.Matching;

namespace ATTT.Monitor.Sigma.Routing;

/// <summary>
/// The rules that events of one channel and EventID can belong to. Rules with a literal
/// requirement are only evaluated when one Aho-Corasick pass over the named field (for keywords:
/// over every value of the event) finds one of their literals; the rest are always evaluated.
/// </summary>
internal sealed class RuleBucket
{
    private static readonly LiteralAutomaton.MatchHandler<BucketScratch> Mark = static (ref BucketScratch s, int literal) =>
    {
        foreach (var v in s.LiteralTargets[literal])
        {
            if (s.Marks[v] == s.Generation) continue;
            s.Marks[v] = s.Generation;
            s.Candidates.Add(v);
        }
    };

    private static readonly KeywordNode.ValueAction<(LiteralAutomaton Automaton, BucketScratch Scratch)> ScanValue =
        static (string value, ref (LiteralAutomaton Automaton, BucketScratch Scratch) scan) => scan.Automaton.Scan(value, ref scan.Scratch, Mark);

    private readonly RuleVariant[] _always;
    private readonly RuleVariant[] _filtered;
    private readonly (int FieldId, LiteralAutomaton Automaton, int[][] Targets)[] _scans;

    /// <param name="automata">
    /// Automata already built for other buckets, by literal set: buckets of the same channel
    /// share most rules, so most of their literal sets are equal.
    /// </param>
    public RuleBucket(int id, IReadOnlyList<RuleVariant> variants, Dictionary<string, LiteralAutomaton> automata)
    {
        Id = id;
        var always = new List<RuleVariant>();
        var filtered = new List<RuleVariant>();
        var perField = new Dictionary<int, Dictionary<string, List<int>>>();
        var ordered = variants.OrderBy(v => v.RuleIndex).ToList();
        var options = ordered.Select(v => v.Root.RequirementOptions).ToList();
        var popularity = new Dictionary<(int, string), int>();
        foreach (var alt in options.SelectMany(o => o).SelectMany(r => r.Alternatives))
            popularity[alt] = popularity.GetValueOrDefault(alt) + 1;

        for (var n = 0; n < ordered.Count; n++)
        {
            var v = ordered[n];
            var requirement = Cheapest(options[n], popularity);
            if (requirement is null)
            {
                always.Add(v);
                continue;
            }

            var index = filtered.Count;
            filtered.Add(v);
            foreach (var (field, literal) in requirement.Alternatives)
            {
                if (!perField.TryGetValue(field, out var lits)) perField[field] = lits = new Dictionary<string, List<int>>(StringComparer.Ordinal);
                if (!lits.TryGetValue(literal, out var targets)) lits[literal] = targets = [];
                if (targets.Count == 0 || targets[^1] != index) targets.Add(index);
            }
        }

        _always = [.. always];
        _filtered = [.. filtered];
        _scans = perField.Select(kv =>
        {
            var literals = kv.Value.Keys.Order(StringComparer.Ordinal).ToList();
            var key = string.Join('\n', literals);
            if (!automata.TryGetValue(key, out var automaton)) automata[key] = automaton = new LiteralAutomaton(literals);
            return (kv.Key, automaton, literals.Select(l => kv.Value[l].ToArray()).ToArray());
        }).ToArray();
    }

    /// <summary>A bucket read back from the compiled-rule cache.</summary>
    public RuleBucket(int id, RuleVariant[] always, RuleVariant[] filtered, (int FieldId, LiteralAutomaton Automaton, int[][] Targets)[] scans)
    {
        Id = id;
        _always = always;
        _filtered = filtered;
        _scans = scans;
    }

    /// <summary>Variants evaluated for every event of the bucket (no literal requirement).</summary>
    public IReadOnlyList<RuleVariant> Always => _always;

    /// <summary>Variants evaluated only when the prefilter finds one of their literals.</summary>
    public IReadOnlyList<RuleVariant> Filtered => _filtered;

    /// <summary>The prefilter's scans with their literal-to-variant targets (for the cache).</summary>
    public IReadOnlyList<(int FieldId, LiteralAutomaton Automaton, int[][] Targets)> ScanTable => _scans;

    // A literal many rules need is likely common in events too (".exe", "powershell"): prefer the
    // requirement whose literals are rarest among the rules, and avoid very short literals.
    private static Requirement? Cheapest(IReadOnlyList<Requirement> options, Dictionary<(int, string), int> popularity)
    {
        Requirement? best = null;
        var bestCost = long.MaxValue;
        foreach (var option in options)
        {
            long cost = 0;
            foreach (var alt in option.Alternatives)
                cost += popularity[alt] + (alt.Literal.Length < 4 ? 200 : 0) + (alt.Literal.Length < 6 ? 20 : 0);
            if (cost < bestCost)
            {
                best = option;
                bestCost = cost;
            }
        }

        return best;
    }

    public int Id { get; }
    public int Count => _always.Length + _filtered.Length;
    public int AlwaysCount => _always.Length;

    /// <summary>Bytes of the prefilter's transition tables, for the benchmark's memory report.</summary>
    public IEnumerable<LiteralAutomaton> Automata => _scans.Select(s => s.Automaton);

    /// <summary>The prefilter's scans (field id, automaton), for the benchmark's profile.</summary>
    public IEnumerable<(int FieldId, LiteralAutomaton Automaton)> Scans => _scans.Select(s => (s.FieldId, s.Automaton));

    public BucketScratch CreateScratch() => new(_filtered.Length);

    /// <summary>Adds the index of every matching rule to <paramref name="matched"/>.</summary>
    public void Evaluate(EvaluationContext context, BucketScratch scratch, List<int> matched)
    {
        foreach (var v in _always)
        {
            if (v.Root.Matches(context)) matched.Add(v.RuleIndex);
        }

        if (_filtered.Length == 0) return;
        scratch.Generation++;
        scratch.Candidates.Clear();
        foreach (var (fieldId, automaton, targets) in _scans)
        {
            if (fieldId == KeywordNode.AllValuesField)
            {
                if (context.Event is not EventRecord record) continue;
                scratch.LiteralTargets = targets;
                var scan = (automaton, scratch);
                KeywordNode.ForEachValue(record, ref scan, ScanValue);
                continue;
            }

            if (!context.TryGet(fieldId, out var value) || string.IsNullOrEmpty(value)) continue;
            scratch.LiteralTargets = targets;
            automaton.Scan(value, ref scratch, Mark);
        }

        scratch.Evaluated += scratch.Candidates.Count + _always.Length;
        foreach (var index in scratch.Candidates)
        {
            var v = _filtered[index];
            if (v.Root.Matches(context)) matched.Add(v.RuleIndex);
        }
    }
}
