namespace ATTT.Monitor.Sigma.Routing;

/// <summary>The flat tables of a <see cref="LiteralAutomaton"/>, as the compiled-rule cache stores them.</summary>
internal sealed record AutomatonTables(
    byte[] AsciiClass,
    char[] OtherChars,
    int[] OtherClasses,
    int Classes,
    int DenseStates,
    int[] Dense,
    int[] ChildStart,
    int[] ChildClass,
    int[] ChildTarget,
    int[] Fail,
    int[] OutStart,
    int[] OutIds,
    ulong[] HasOutput,
    char[] Starts,
    int LiteralCount);
