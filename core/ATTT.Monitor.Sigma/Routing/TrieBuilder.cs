namespace ATTT.Monitor.Sigma.Routing;

/// <summary>
/// The Aho-Corasick trie of a set of literals, numbered breadth-first (so the states up to any
/// depth are a prefix of the numbering), with failure links and outputs merged along them.
/// <para>
/// Everything is flat int arrays (children in CSR form, sorted by class). The SigmaHQ hash and
/// command-line literal sets make tries of a few hundred thousand states: a dictionary and a list
/// per state, twice over while renumbering, took over 100 MB while the rules loaded, which set
/// the peak memory of `attt scan`.
/// </para>
/// </summary>
internal sealed class TrieBuilder
{
    private TrieBuilder(int count, int[] childStart, int[] childClass, int[] childTarget, int[] fail, int[] depth, int[] outStart, int[] outIds)
    {
        Count = count;
        ChildStart = childStart;
        ChildClass = childClass;
        ChildTarget = childTarget;
        Fail = fail;
        Depth = depth;
        OutStart = outStart;
        OutIds = outIds;
    }

    public int Count { get; }

    /// <summary>The children of state s are ChildClass/ChildTarget[ChildStart[s] .. ChildStart[s + 1]), by class.</summary>
    public int[] ChildStart { get; }

    public int[] ChildClass { get; }
    public int[] ChildTarget { get; }
    public int[] Fail { get; }
    public int[] Depth { get; }

    /// <summary>Literal ids ending at state s, its failure chain's included: OutIds[OutStart[s] .. OutStart[s + 1]).</summary>
    public int[] OutStart { get; }

    public int[] OutIds { get; }

    /// <summary>The child of <paramref name="state"/> on <paramref name="cls"/>, or -1.</summary>
    public int Child(int state, int cls)
    {
        var at = Array.BinarySearch(ChildClass, ChildStart[state], ChildStart[state + 1] - ChildStart[state], cls);
        return at >= 0 ? ChildTarget[at] : -1;
    }

    public static TrieBuilder Build(IReadOnlyList<string> literals, Func<char, int> classOf)
    {
        // Insertion: one edge map for the whole trie; per state only its parent's class.
        var edges = new Dictionary<long, int>();
        var classOfState = new List<int> { 0 };
        var parent = new List<int> { -1 };
        var endState = new int[literals.Count];
        for (var id = 0; id < literals.Count; id++)
        {
            var state = 0;
            foreach (var c in literals[id])
            {
                var cls = classOf(c);
                var key = ((long)state << 32) | (uint)cls;
                if (!edges.TryGetValue(key, out var next))
                {
                    next = classOfState.Count;
                    classOfState.Add(cls);
                    parent.Add(state);
                    edges[key] = next;
                }

                state = next;
            }

            endState[id] = state;
        }

        var n = classOfState.Count;

        // Children per (old) state, sorted by class.
        var oldStart = new int[n + 1];
        for (var s = 1; s < n; s++) oldStart[parent[s] + 1]++;
        for (var s = 0; s < n; s++) oldStart[s + 1] += oldStart[s];
        var oldChildren = new int[Math.Max(0, n - 1)];
        var fill = (int[])oldStart.Clone();
        for (var s = 1; s < n; s++) oldChildren[fill[parent[s]]++] = s;
        var keys = new int[oldChildren.Length];
        for (var i = 0; i < keys.Length; i++) keys[i] = classOfState[oldChildren[i]];
        for (var s = 0; s < n; s++) Array.Sort(keys, oldChildren, oldStart[s], oldStart[s + 1] - oldStart[s]);

        // Breadth-first renumbering: the children of a state get consecutive numbers, by class.
        var order = new int[n];
        var newId = new int[n];
        var depth = new int[n];
        var tail = 1;
        for (var head = 0; head < tail; head++)
        {
            var s = order[head];
            for (var i = oldStart[s]; i < oldStart[s + 1]; i++)
            {
                var t = oldChildren[i];
                depth[tail] = depth[head] + 1;
                newId[t] = tail;
                order[tail++] = t;
            }
        }

        var childStart = new int[n + 1];
        var childClass = new int[oldChildren.Length];
        var childTarget = new int[oldChildren.Length];
        for (var i = 0; i < n; i++)
        {
            var old = order[i];
            var at = childStart[i];
            for (var k = oldStart[old]; k < oldStart[old + 1]; k++, at++)
            {
                childClass[at] = keys[k];
                childTarget[at] = newId[oldChildren[k]];
            }

            childStart[i + 1] = at;
        }

        var trie = new TrieBuilder(n, childStart, childClass, childTarget, new int[n], depth, new int[n + 1], []);
        return trie.WithFailuresAndOutputs(endState.Select(s => newId[s]).ToArray());
    }

    // Failure links in breadth-first order: a state's failure state is shallower, so done first.
    // Outputs: a state's own literals, then its failure state's (already complete).
    private TrieBuilder WithFailuresAndOutputs(int[] endState)
    {
        var n = Count;
        var fail = Fail;
        for (var s = 0; s < n; s++)
        {
            for (var i = ChildStart[s]; i < ChildStart[s + 1]; i++)
            {
                var cls = ChildClass[i];
                var t = ChildTarget[i];
                var f = fail[s];
                while (s != 0 && f != 0 && Child(f, cls) < 0) f = fail[f];
                fail[t] = s == 0 ? 0 : Math.Max(Child(f, cls), 0);
            }
        }

        var own = new int[n];
        foreach (var s in endState) own[s]++;
        var count = new int[n];
        count[0] = own[0];
        for (var s = 1; s < n; s++) count[s] = own[s] + count[fail[s]];
        var outStart = OutStart;
        for (var s = 0; s < n; s++) outStart[s + 1] = outStart[s] + count[s];
        var outIds = new int[outStart[n]];
        var ownAt = new int[n];
        for (var id = 0; id < endState.Length; id++)
        {
            var s = endState[id];
            outIds[outStart[s] + ownAt[s]++] = id;
        }

        for (var s = 1; s < n; s++)
            Array.Copy(outIds, outStart[fail[s]], outIds, outStart[s] + own[s], count[fail[s]]);
        return new TrieBuilder(n, ChildStart, ChildClass, ChildTarget, fail, Depth, outStart, outIds);
    }
}
