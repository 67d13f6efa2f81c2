using System.Collections.Frozen;

namespace ATTT.Monitor.Collector.Dashboard.Localization;

/// <summary>Joins the per-area text tables of one language into the table a request reads.</summary>
internal static class TextTables
{
    /// <summary>
    /// One table of every area's keys. A key defined in two areas throws (at the first request for
    /// that language, and in the localization tests) instead of one text silently replacing the other.
    /// </summary>
    public static FrozenDictionary<string, string> Merge(params Dictionary<string, string>[] areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var area in areas)
        {
            foreach (var (key, text) in area)
            {
                if (!all.TryAdd(key, text))
                    throw new InvalidOperationException($"dashboard text key '{key}' is defined in two areas");
            }
        }

        return all.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
