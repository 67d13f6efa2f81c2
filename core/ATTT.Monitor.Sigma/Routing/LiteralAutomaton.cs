using System.Buffers;
using ATTT.Monitor.Sigma.Matching;

namespace ATTT.Monitor.Sigma.Routing;

/// <summary>
/// Aho-Corasick automaton over upper-cased literals, over a compressed alphabet (only characters
/// that occur in some literal get a class; every other character leads back to the root).
/// <para>
/// Shallow states (the root and the first levels, where scanning text spends nearly all its time)
/// have full DFA rows: one table lookup per character. Deeper states keep only their trie children
/// and a failure link. A full DFA over thousands of literals took tens of MB per field (states ×
/// classes), hundreds of MB for the SigmaHQ ruleset, and its size made every step a cache miss.
/// </para>
/// </summary>
internal sealed class LiteralAutomaton
{
    /// <summary>Dense rows are kept while their table stays this small (it must stay cache-resident).</summary>
    public const long DefaultDenseBudgetBytes = 256 * 1024;

    private readonly byte[] _asciiClass = new byte[128];
    private readonly Dictionary<char, int> _otherClass = [];
    private readonly int _classes;
    private readonly int _denseStates;
    private readonly int[] _dense;
    private readonly int[] _childStart;
    private readonly int[] _childClass;
    private readonly int[] _childTarget;
    private readonly int[] _fail;
    private readonly int[] _outStart;
    private readonly int[] _outIds;
    private readonly ulong[] _hasOutput;
    private readonly SearchValues<char> _starts;
    private readonly char[] _startChars;

    /// <param name="literals">Upper-cased (<see cref="CaseFold"/>) literals; a literal's id is its index.</param>
    /// <param name="denseBudgetBytes">Size limit of the dense rows (the root row is always dense).</param>
    public LiteralAutomaton(IReadOnlyList<string> literals, long denseBudgetBytes = DefaultDenseBudgetBytes)
    {
        // Alphabet: class 0 is "in no literal"; ASCII classes fit a byte table, others a dictionary.
        var classes = 1;
        foreach (var c in literals.SelectMany(l => l).Distinct().Order())
        {
            if (c < 128) _asciiClass[c] = checked((byte)classes++);
            else _otherClass[c] = classes++;
        }

        // Lower-case ASCII gets its upper-case class, so ASCII text needs no folding while scanning.
        for (var c = 'a'; c <= 'z'; c++) _asciiClass[c] = _asciiClass[c - 32];
        _classes = classes;
        var trie = TrieBuilder.Build(literals, ClassOf);
        _denseStates = DenseStateCount(trie.Depth, classes, denseBudgetBytes);

        _childStart = trie.ChildStart;
        _childClass = trie.ChildClass;
        _childTarget = trie.ChildTarget;
        _fail = trie.Fail;
        _dense = new int[_denseStates * classes];
        for (var s = 0; s < _denseStates; s++)
        {
            for (var cls = 0; cls < classes; cls++)
            {
                // The failure state of a dense state is shallower, hence dense and already filled.
                var t = trie.Child(s, cls);
                _dense[s * classes + cls] = t >= 0 ? t
                    : s == 0 || cls == 0 ? 0 : _dense[_fail[s] * classes + cls];
            }
        }

        _startChars = StartCharacters();
        _starts = SearchValues.Create(_startChars);
        LiteralCount = literals.Count;
        _outStart = trie.OutStart;
        _outIds = trie.OutIds;
        // One bit per state, tested on every character: the offsets array it replaces there is
        // 4 bytes per state (over a MB for the hash literals), a cache miss per character.
        _hasOutput = new ulong[(trie.Count + 63) / 64];
        for (var s = 0; s < trie.Count; s++)
        {
            if (_outStart[s + 1] > _outStart[s]) _hasOutput[s >> 6] |= 1UL << s;
        }
    }

    /// <summary>An automaton read back from the compiled-rule cache: its tables as <see cref="Tables"/> gave them.</summary>
    public LiteralAutomaton(AutomatonTables t)
    {
        _asciiClass = t.AsciiClass;
        for (var i = 0; i < t.OtherChars.Length; i++) _otherClass[t.OtherChars[i]] = t.OtherClasses[i];
        _classes = t.Classes;
        _denseStates = t.DenseStates;
        _dense = t.Dense;
        _childStart = t.ChildStart;
        _childClass = t.ChildClass;
        _childTarget = t.ChildTarget;
        _fail = t.Fail;
        _outStart = t.OutStart;
        _outIds = t.OutIds;
        _hasOutput = t.HasOutput;
        _startChars = t.Starts;
        _starts = SearchValues.Create(_startChars);
        LiteralCount = t.LiteralCount;
    }

    /// <summary>Every table of the automaton, for the compiled-rule cache.</summary>
    public AutomatonTables Tables => new(_asciiClass, [.. _otherClass.Keys], [.. _otherClass.Values], _classes, _denseStates, _dense,
        _childStart, _childClass, _childTarget, _fail, _outStart, _outIds, _hasOutput, _startChars, LiteralCount);

    // Every character that leaves the root (after folding, as Scan folds): text between them can
    // be skipped with a vectorised search. Besides the ASCII ones, the characters that fold to a
    // starting character: a few non-ASCII characters fold to ASCII ones (U+0131 to 'I').
    private char[] StartCharacters()
    {
        var starts = new List<char>();
        for (var c = 0; c < 128; c++)
        {
            var cls = _asciiClass[c];
            if (cls == 0 || _dense[cls] == 0) continue;
            starts.Add((char)c);
            if (c is < 'a' or > 'z') starts.AddRange(FoldPreimages.Of((char)c));
        }

        foreach (var (c, cls) in _otherClass)
        {
            if (_dense[cls] != 0) starts.AddRange(FoldPreimages.Of(c));
        }

        return [.. starts.Distinct()];
    }

    private static int DenseStateCount(int[] depth, int classes, long budget)
    {
        // Breadth-first numbering: the states up to a depth are a prefix of the numbering.
        var count = 1;
        for (var level = 1; ; level++)
        {
            var next = count;
            while (next < depth.Length && depth[next] == level) next++;
            if (next == count || (long)next * classes * sizeof(int) > budget) return count;
            count = next;
        }
    }

    public int DenseStates => _denseStates;

    /// <summary>True when the scan stops at <paramref name="c"/> from the root (it may start a literal).</summary>
    internal bool StopsAt(char c) => _starts.Contains(c);

    public int LiteralCount { get; }

    /// <summary>Bytes of the automaton's tables, for the benchmark's memory report.</summary>
    public long TableBytes => sizeof(int) * ((long)_dense.Length + _childStart.Length + _childClass.Length
        + _childTarget.Length + _fail.Length + _outStart.Length + _outIds.Length) + sizeof(ulong) * (long)_hasOutput.Length;

    public delegate void MatchHandler<TState>(ref TState state, int literalId);

    /// <summary>Calls <paramref name="onMatch"/> with the id of every literal found (possibly repeatedly).</summary>
    public void Scan<TState>(string text, ref TState state, MatchHandler<TState> onMatch)
    {
        var s = 0;
        var dense = _dense;
        var classes = _classes;
        var denseStates = _denseStates;
        var hasOutput = _hasOutput;
        for (var i = 0; i < text.Length; i++)
        {
            var raw = text[i];
            var cls = raw < 128 ? _asciiClass[raw] : OtherClass(raw);
            if (s == 0 && dense[cls] == 0)
            {
                // At the root on a character no literal starts with: nothing can be found until
                // the next character that starts one, so jump there (the root has no outputs).
                var skip = text.AsSpan(i + 1).IndexOfAny(_starts);
                if (skip < 0) return;
                i += skip + 1;
                raw = text[i];
                cls = raw < 128 ? _asciiClass[raw] : OtherClass(raw);
            }

            s = s < denseStates ? dense[s * classes + cls] : SparseStep(s, cls);
            if ((hasOutput[s >> 6] & (1UL << s)) == 0) continue;
            for (var o = _outStart[s]; o < _outStart[s + 1]; o++) onMatch(ref state, _outIds[o]);
        }
    }

    private int SparseStep(int s, int cls)
    {
        while (s >= _denseStates)
        {
            for (var i = _childStart[s]; i < _childStart[s + 1]; i++)
            {
                if (_childClass[i] == cls) return _childTarget[i];
            }

            s = _fail[s];
        }

        return _dense[s * _classes + cls];
    }

    // Non-ASCII text is folded first; a few non-ASCII characters fold to ASCII (U+0131 to 'I').
    private int OtherClass(char raw)
    {
        var c = CaseFold.Fold(raw);
        return c < 128 ? _asciiClass[c] : _otherClass.GetValueOrDefault(c);
    }

    private int ClassOf(char c) => c < 128 ? _asciiClass[c] : _otherClass[c];
}
