using ATTT.Monitor.Sigma.Routing;

namespace ATTT.Monitor.Sigma.Caching;

/// <summary>
/// Checks that automaton tables read from the cache are consistent (lengths, every state and
/// class in range), so that a damaged file is refused at load, never met as an index error while
/// scanning an event.
/// </summary>
internal static class AutomatonCheck
{
    public static void Validate(AutomatonTables t)
    {
        var states = t.Fail.Length;
        Require(t.AsciiClass.Length == 128 && t.OtherChars.Length == t.OtherClasses.Length, "alphabet");
        Require(t.Classes >= 1 && t.DenseStates >= 1 && t.DenseStates <= states && (long)t.DenseStates * t.Classes == t.Dense.Length, "dense rows");
        Require(t.ChildStart.Length == states + 1 && t.OutStart.Length == states + 1 && t.HasOutput.Length == (states + 63) / 64, "state tables");
        Require(t.ChildStart[0] == 0 && t.OutStart[0] == 0 && t.ChildClass.Length == t.ChildTarget.Length && t.ChildStart[^1] == t.ChildClass.Length && t.OutStart[^1] == t.OutIds.Length, "children and outputs");
        foreach (var c in t.AsciiClass) Require(c < t.Classes, "ASCII class");
        foreach (var c in t.OtherClasses) Require(c > 0 && c < t.Classes, "class");
        foreach (var s in t.Dense) Require((uint)s < (uint)states, "dense target");
        foreach (var s in t.ChildTarget) Require((uint)s < (uint)states, "child target");
        foreach (var c in t.ChildClass) Require((uint)c < (uint)t.Classes, "child class");
        foreach (var s in t.Fail) Require((uint)s < (uint)states, "failure link");
        foreach (var id in t.OutIds) Require((uint)id < (uint)t.LiteralCount, "output");
        for (var s = 0; s < states; s++)
            Require(t.ChildStart[s] <= t.ChildStart[s + 1] && t.OutStart[s] <= t.OutStart[s + 1], "state ranges");
    }

    private static void Require(bool ok, string what)
    {
        if (!ok) throw new CacheFormatException($"a prefilter automaton's {what} is inconsistent");
    }
}
