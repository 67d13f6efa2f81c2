using ATTT.Monitor.Sigma.Matching;

namespace ATTT.Monitor.Sigma.Routing;

/// <summary>
/// Aho-Corasick automaton over upper-cased literals: one pass over a field value reports every
/// literal it contains. Children are kept in flat sorted arrays; the root has a dense ASCII table.
/// </summary>
internal sealed class LiteralAutomaton
{
    private readonly int[] _childStart;
    private readonly int[] _childCount;
    private readonly char[] _childChar;
    private readonly int[] _childTarget;
    private readonly int[] _fail;
    private readonly int[] _outStart;
    private readonly int[] _outCount;
    private readonly int[] _outIds;
    private readonly int[] _rootAscii = new int[128];

    public LiteralAutomaton(IReadOnlyList<string> literals)
    {
        // Build a trie with dictionaries, then freeze into arrays.
        var children = new List<SortedDictionary<char, int>> { new() };
        var outputs = new List<List<int>> { new() };
        for (var id = 0; id < literals.Count; id++)
        {
            var state = 0;
            foreach (var c in literals[id])
            {
                if (!children[state].TryGetValue(c, out var next))
                {
                    next = children.Count;
                    children.Add(new SortedDictionary<char, int>());
                    outputs.Add([]);
                    children[state][c] = next;
                }

                state = next;
            }

            outputs[state].Add(id);
        }

        var n = children.Count;
        _fail = new int[n];
        _childStart = new int[n];
        _childCount = new int[n];
        var total = children.Sum(c => c.Count);
        _childChar = new char[total];
        _childTarget = new int[total];
        var at = 0;
        for (var s = 0; s < n; s++)
        {
            _childStart[s] = at;
            _childCount[s] = children[s].Count;
            foreach (var (c, t) in children[s])
            {
                _childChar[at] = c;
                _childTarget[at++] = t;
            }
        }

        // Breadth-first failure links; outputs of the failure state are merged in.
        var queue = new Queue<int>();
        foreach (var (_, t) in children[0])
        {
            _fail[t] = 0;
            queue.Enqueue(t);
        }

        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            foreach (var (c, t) in children[s])
            {
                var f = _fail[s];
                int next;
                while ((next = Child(f, c)) < 0 && f != 0) f = _fail[f];
                _fail[t] = next >= 0 && next != t ? next : 0;
                outputs[t].AddRange(outputs[_fail[t]]);
                queue.Enqueue(t);
            }
        }

        _outStart = new int[n];
        _outCount = new int[n];
        _outIds = new int[outputs.Sum(o => o.Count)];
        at = 0;
        for (var s = 0; s < n; s++)
        {
            _outStart[s] = at;
            _outCount[s] = outputs[s].Count;
            foreach (var id in outputs[s]) _outIds[at++] = id;
        }

        for (var c = 0; c < 128; c++) _rootAscii[c] = Math.Max(Child(0, (char)c), 0);
    }

    /// <summary>Calls <paramref name="onMatch"/> with the id of every literal found (possibly repeatedly).</summary>
    public void Scan<TState>(string text, ref TState state, MatchHandler<TState> onMatch)
    {
        var s = 0;
        foreach (var raw in text)
        {
            var c = CaseFold.Fold(raw);
            while (true)
            {
                if (s == 0)
                {
                    s = c < 128 ? _rootAscii[c] : Math.Max(Child(0, c), 0);
                    break;
                }

                var next = Child(s, c);
                if (next >= 0)
                {
                    s = next;
                    break;
                }

                s = _fail[s];
            }

            var count = _outCount[s];
            if (count == 0) continue;
            var start = _outStart[s];
            for (var i = 0; i < count; i++) onMatch(ref state, _outIds[start + i]);
        }
    }

    public delegate void MatchHandler<TState>(ref TState state, int literalId);

    private int Child(int state, char c)
    {
        var lo = _childStart[state];
        var hi = lo + _childCount[state] - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var mc = _childChar[mid];
            if (mc == c) return _childTarget[mid];
            if (mc < c) lo = mid + 1;
            else hi = mid - 1;
        }

        return -1;
    }
}
