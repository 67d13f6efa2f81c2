namespace ATTT.Monitor.Collector.Dashboard.Workstations;

/// <summary>One page of a list in a stable order: its rows, which page (from 1), and how many rows the whole list has.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Rows, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public int First => Total == 0 ? 0 : ((Page - 1) * PageSize) + 1;

    public int Last => (Page - 1) * PageSize + Rows.Count;
}

/// <summary>Cuts a list into <see cref="ListPage{T}"/>s.</summary>
internal static class ListPage
{
    /// <summary>The page of <paramref name="all"/> asked for, the last one when asked beyond it.</summary>
    public static ListPage<T> Of<T>(IReadOnlyList<T> all, int page, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(all);
        var pages = Math.Max(1, (all.Count + pageSize - 1) / pageSize);
        var shown = Math.Clamp(page, 1, pages);
        return new ListPage<T>([.. all.Skip((shown - 1) * pageSize).Take(pageSize)], shown, pageSize, all.Count);
    }
}
