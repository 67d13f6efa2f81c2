namespace ATTT.Monitor.Sigma.Routing;

/// <summary>
/// The Aho-Corasick trie of a set of literals, numbered breadth-first (so the states up to any
/// depth are a prefix of the numbering), with failure links and outputs merged along them.
/// </summary>
internal sealed class TrieBuilder
{
    private TrieBuilder(List<Dictionary<int, int>> children, List<int>[] outputs, int[] fail, int[] depth)
    {
        Children = children;
        Outputs = outputs;
        Fail = fail;
        Depth = depth;
    }

    public int Count => Children.Count;

    /// <summary>Trie edges per state: character class to child state.</summary>
    public List<Dictionary<int, int>> Children { get; }

    /// <summary>Literal ids ending at each state, including those of its failure chain.</summary>
    public List<int>[] Outputs { get; }

    public int[] Fail { get; }
    public int[] Depth { get; }

    public static TrieBuilder Build(IReadOnlyList<string> literals, Func<char, int> classOf)
    {
        var children = new List<Dictionary<int, int>> { new() };
        var ends = new List<List<int>> { new() };
        for (var id = 0; id < literals.Count; id++)
        {
            var state = 0;
            foreach (var c in literals[id])
            {
                var cls = classOf(c);
                if (!children[state].TryGetValue(cls, out var next))
                {
                    next = children.Count;
                    children.Add([]);
                    ends.Add([]);
                    children[state][cls] = next;
                }

                state = next;
            }

            ends[state].Add(id);
        }

        // Breadth-first renumbering.
        var n = children.Count;
        var order = new int[n];
        var newId = new int[n];
        var depthOld = new int[n];
        var head = 0;
        var tail = 1;
        while (head < tail)
        {
            var s = order[head++];
            foreach (var (_, t) in children[s].OrderBy(kv => kv.Key))
            {
                depthOld[t] = depthOld[s] + 1;
                newId[t] = tail;
                order[tail++] = t;
            }
        }

        var renumbered = new List<Dictionary<int, int>>(n);
        var outputs = new List<int>[n];
        var depth = new int[n];
        for (var i = 0; i < n; i++)
        {
            var old = order[i];
            renumbered.Add(children[old].ToDictionary(kv => kv.Key, kv => newId[kv.Value]));
            outputs[i] = [.. ends[old]];
            depth[i] = depthOld[old];
        }

        // Failure links in breadth-first order: a state's failure state is shallower, so done first.
        var fail = new int[n];
        for (var s = 0; s < n; s++)
        {
            foreach (var (cls, t) in renumbered[s])
            {
                var f = fail[s];
                while (s != 0 && f != 0 && !renumbered[f].ContainsKey(cls)) f = fail[f];
                fail[t] = s == 0 ? 0 : renumbered[f].TryGetValue(cls, out var ft) ? ft : 0;
            }

            if (s != 0) outputs[s].AddRange(outputs[fail[s]]);
        }

        return new TrieBuilder(renumbered, outputs, fail, depth);
    }
}
