namespace ATTT.Monitor.Sigma.Routing;

/// <summary>Per-engine marks for one bucket's prefilter: which variants the literals selected.</summary>
internal sealed class BucketScratch(int variants)
{
    public readonly int[] Marks = new int[variants];
    public readonly List<int> Candidates = [];
    public int Generation;
    public long Evaluated;
    public int[][] LiteralTargets = [];
}
