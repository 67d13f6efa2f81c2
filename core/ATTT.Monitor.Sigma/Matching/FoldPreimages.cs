namespace ATTT.Monitor.Sigma.Matching;

/// <summary>
/// The inverse of <see cref="CaseFold"/> over the non-ASCII characters: for a folded character,
/// every character that folds to it. Built once per process from a single pass over the 65,536
/// characters, so a prefilter automaton finds the characters that can start one of its literals
/// from its own alphabet instead of folding every character again (that pass, once per automaton,
/// was a third of the SigmaHQ set's load time).
/// </summary>
internal static class FoldPreimages
{
    private static readonly Lazy<Dictionary<char, char[]>> Table = new(Build);

    /// <summary>The non-ASCII characters that fold to <paramref name="folded"/> (which may be ASCII).</summary>
    public static IReadOnlyList<char> Of(char folded) => Table.Value.TryGetValue(folded, out var chars) ? chars : [];

    private static Dictionary<char, char[]> Build()
    {
        var lists = new Dictionary<char, List<char>>();
        for (var c = 128; c <= char.MaxValue; c++)
        {
            var folded = CaseFold.Fold((char)c);
            if (!lists.TryGetValue(folded, out var list)) lists[folded] = list = [];
            list.Add((char)c);
        }

        return lists.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
    }
}
