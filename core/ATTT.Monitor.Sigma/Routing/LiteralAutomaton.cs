using ATTT.Monitor.Sigma.Matching;

namespace ATTT.Monitor.Sigma.Routing;

/// <summary>
/// Aho-Corasick automaton over upper-cased literals, compiled to a full DFA over a compressed
/// alphabet (only characters that occur in some literal get a column; every other character leads
/// back to the root). One table lookup per character of the field value.
/// </summary>
internal sealed class LiteralAutomaton
{
    private readonly byte[] _asciiClass = new byte[128];
    private readonly Dictionary<char, int> _otherClass = [];
    private readonly int _classes;
    private readonly int[] _delta;
    private readonly int[] _outStart;
    private readonly int[] _outCount;
    private readonly int[] _outIds;

    public LiteralAutomaton(IReadOnlyList<string> literals)
    {
        // Alphabet: class 0 is "in no literal"; ASCII classes fit a byte table, others a dictionary.
        var classes = 1;
        foreach (var c in literals.SelectMany(l => l).Distinct().Order())
        {
            if (c < 128) _asciiClass[c] = checked((byte)classes++);
            else _otherClass[c] = classes++;
        }

        _classes = classes;
        var children = new List<Dictionary<int, int>> { new() };
        var outputs = new List<List<int>> { new() };
        for (var id = 0; id < literals.Count; id++)
        {
            var state = 0;
            foreach (var c in literals[id])
            {
                var cls = ClassOf(c);
                if (!children[state].TryGetValue(cls, out var next))
                {
                    next = children.Count;
                    children.Add([]);
                    outputs.Add([]);
                    children[state][cls] = next;
                }

                state = next;
            }

            outputs[state].Add(id);
        }

        var n = children.Count;
        _delta = new int[n * classes];
        var fail = new int[n];
        var queue = new Queue<int>();
        foreach (var (cls, t) in children[0])
        {
            _delta[cls] = t;
            queue.Enqueue(t);
        }

        // Breadth-first: a missing transition copies the failure state's, already complete.
        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            outputs[s].AddRange(outputs[fail[s]]);
            for (var cls = 0; cls < classes; cls++)
            {
                if (children[s].TryGetValue(cls, out var t))
                {
                    fail[t] = s == 0 ? 0 : _delta[fail[s] * classes + cls];
                    _delta[s * classes + cls] = t;
                    queue.Enqueue(t);
                }
                else
                {
                    _delta[s * classes + cls] = cls == 0 ? 0 : _delta[fail[s] * classes + cls];
                }
            }
        }

        _outStart = new int[n];
        _outCount = new int[n];
        _outIds = new int[outputs.Sum(o => o.Count)];
        var at = 0;
        for (var s = 0; s < n; s++)
        {
            _outStart[s] = at;
            _outCount[s] = outputs[s].Count;
            foreach (var id in outputs[s]) _outIds[at++] = id;
        }
    }

    /// <summary>Size of the transition table, for the benchmark's memory report.</summary>
    public long TableBytes => _delta.Length * sizeof(int);

    public delegate void MatchHandler<TState>(ref TState state, int literalId);

    /// <summary>Calls <paramref name="onMatch"/> with the id of every literal found (possibly repeatedly).</summary>
    public void Scan<TState>(string text, ref TState state, MatchHandler<TState> onMatch)
    {
        var s = 0;
        var delta = _delta;
        var classes = _classes;
        foreach (var raw in text)
        {
            var c = CaseFold.Fold(raw);
            var cls = c < 128 ? _asciiClass[c] : _otherClass.GetValueOrDefault(c);
            s = delta[s * classes + cls];
            var count = _outCount[s];
            if (count == 0) continue;
            var start = _outStart[s];
            for (var i = 0; i < count; i++) onMatch(ref state, _outIds[start + i]);
        }
    }

    private int ClassOf(char c) => c < 128 ? _asciiClass[c] : _otherClass[c];
}
