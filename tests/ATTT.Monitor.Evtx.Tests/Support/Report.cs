namespace ATTT.Monitor.Evtx.Tests.Support;

internal static class Report
{
    /// <summary>Fails with the first problems, one per line, when there are any.</summary>
    public static void NoProblems(IEnumerable<string> problems, string what)
    {
        var list = problems.Order(StringComparer.Ordinal).ToList();
        if (list.Count > 0)
            Assert.Fail($"{list.Count} {what}:\n" + string.Join("\n", list.Take(25)));
    }
}
