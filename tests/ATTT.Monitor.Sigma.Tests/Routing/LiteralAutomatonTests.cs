using ATTT.Monitor.Sigma.Matching;
using ATTT.Monitor.Sigma.Routing;

namespace ATTT.Monitor.Sigma.Tests.Routing;

/// <summary>The prefilter's automaton must report every literal a value contains, whatever its table layout.</summary>
public class LiteralAutomatonTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(512L)]
    [InlineData(LiteralAutomaton.DefaultDenseBudgetBytes)]
    public void Reports_exactly_the_literals_a_value_contains(long denseBudget)
    {
        var random = new Random(4);
        const string alphabet = "abcAB-\\. é";
        string Word(int min, int max) =>
            new([.. Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => alphabet[random.Next(alphabet.Length)])]);

        for (var round = 0; round < 40; round++)
        {
            var literals = Enumerable.Range(0, random.Next(1, 60)).Select(_ => CaseFold.Fold(Word(1, 6))).Distinct().ToList();
            var automaton = new LiteralAutomaton(literals, denseBudget);
            for (var t = 0; t < 50; t++)
            {
                var text = Word(0, 40);
                var found = new HashSet<int>();
                automaton.Scan(text, ref found, static (ref HashSet<int> f, int id) => f.Add(id));
                var expected = Enumerable.Range(0, literals.Count)
                    .Where(i => CaseFold.Fold(text).Contains(literals[i], StringComparison.Ordinal)).ToHashSet();
                Assert.True(expected.SetEquals(found), $"text '{text}', literals [{string.Join(", ", literals)}], budget {denseBudget}");
            }
        }
    }

    [Fact]
    public void A_small_budget_keeps_only_shallow_states_dense()
    {
        var literals = new[] { "POWERSHELL", "POWERCFG", "CMD.EXE" };
        Assert.Equal(1, new LiteralAutomaton(literals, 0).DenseStates);
        var all = new LiteralAutomaton(literals);
        Assert.True(all.DenseStates > 10);
    }

    [Fact]
    public void Overlapping_and_nested_literals_are_all_found()
    {
        string[] literals = ["HE", "SHE", "HIS", "HERS", "\\SYSTEM32\\"];
        var automaton = new LiteralAutomaton(literals, 0);
        var found = new List<int>();
        automaton.Scan(@"ushers C:\Windows\System32\x", ref found, static (ref List<int> f, int id) => f.Add(id));
        Assert.Equal([0, 1, 3, 4], found.Distinct().Order());
    }

    // The scan jumps over text no literal starts at; the characters it stops at must include the
    // non-ASCII ones whose folding is a literal's first character, so the result stays the
    // folded-substring answer (the reference the first test uses).
    [Theory]
    [InlineData("xx\\u0131nstall")]
    [InlineData("xx\\u0130nstall")]
    [InlineData("xx\\u017Fhell")]
    [InlineData("----Install")]
    [InlineData("zzzz nstall")]
    [InlineData("")]
    public void Skipping_text_at_the_root_still_finds_literals_after_it(string escaped)
    {
        var text = System.Text.RegularExpressions.Regex.Unescape(escaped);
        string[] literals = [CaseFold.Fold("install"), CaseFold.Fold("shell")];
        var automaton = new LiteralAutomaton(literals);
        var found = new HashSet<int>();
        automaton.Scan(text, ref found, static (ref HashSet<int> f, int id) => f.Add(id));
        var expected = Enumerable.Range(0, literals.Length)
            .Where(i => CaseFold.Fold(text).Contains(literals[i], StringComparison.Ordinal)).ToHashSet();
        Assert.True(expected.SetEquals(found), $"text '{text}': found [{string.Join(", ", found)}], expected [{string.Join(", ", expected)}]");
    }

    // The characters the root skip stops at are found from the automaton's own alphabet; they must
    // be exactly the characters whose folding starts some literal, over the whole BMP.
    [Theory]
    [InlineData("INSTALL", "SHELL")]
    [InlineData("\u00C9T\u00C9", "\u0110\u0102NG", "K")]
    [InlineData("I", "S", "\u017F", "\u01C4")]
    public void The_root_stops_at_every_character_that_folds_to_a_literal_start(params string[] escaped)
    {
        var literals = escaped.Select(e => CaseFold.Fold(System.Text.RegularExpressions.Regex.Unescape(e))).ToList();
        var automaton = new LiteralAutomaton(literals);
        var firsts = literals.Select(l => l[0]).ToHashSet();
        for (var c = 0; c <= char.MaxValue; c++)
            Assert.True(firsts.Contains(CaseFold.Fold((char)c)) == automaton.StopsAt((char)c), $"U+{c:X4}");
    }
}
