using System.Globalization;

namespace ATTT.Monitor.Agent.Sources.Query;

/// <summary>
/// The event ids a channel is read with, written as winlogbeat writes them: <c>4624, 4700-4800, -4735</c>
/// (ids and ranges to include, and after a minus sign ids or ranges to leave out). Included ranges
/// are merged where they overlap or touch, so every id is selected at most once; ranges of two ids
/// become two single ids (the same number of expressions). Empty: every event of the channel.
/// </summary>
public sealed class EventIdSet
{
    public const int MaxEventId = 65535;

    private EventIdSet(IReadOnlyList<EventIdRange> included, IReadOnlyList<EventIdRange> excluded)
    {
        Included = included;
        Excluded = excluded;
    }

    public static EventIdSet All { get; } = new([], []);

    /// <summary>Sorted, merged, disjoint. Empty: every id.</summary>
    public IReadOnlyList<EventIdRange> Included { get; }

    /// <summary>Sorted, merged, disjoint; read as Suppress paths.</summary>
    public IReadOnlyList<EventIdRange> Excluded { get; }

    public bool Selects(int id) => (Included.Count == 0 || Included.Any(r => r.Contains(id))) && !Excluded.Any(r => r.Contains(id));

    /// <summary>Parses the text; a bad entry is a <see cref="FormatException"/> that quotes it.</summary>
    public static EventIdSet Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return All;
        var included = new List<EventIdRange>();
        var excluded = new List<EventIdRange>();
        foreach (var raw in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (raw.Length == 0)
                throw new FormatException($"'{text}' has an empty entry between two commas.");
            var exclude = raw[0] == '-';
            var body = exclude ? raw[1..].Trim() : raw;
            (exclude ? excluded : included).Add(ParseRange(body, raw));
        }

        return new EventIdSet(Normalize(included), Normalize(excluded));
    }

    public override string ToString() =>
        string.Join(", ", Included.Select(r => r.ToString()).Concat(Excluded.Select(r => "-" + r)));

    private static EventIdRange ParseRange(string body, string entry)
    {
        var dash = body.IndexOf('-', StringComparison.Ordinal);
        var first = Id(dash < 0 ? body : body[..dash].Trim(), entry);
        var last = dash < 0 ? first : Id(body[(dash + 1)..].Trim(), entry);
        return first <= last ? new EventIdRange(first, last) : throw new FormatException($"'{entry}' is a range whose end is below its start.");
    }

    private static int Id(string text, string entry) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id <= MaxEventId
            ? id
            : throw new FormatException($"'{entry}' is not an event id (0-{MaxEventId}) or a range such as 4700-4800.");

    private static List<EventIdRange> Normalize(List<EventIdRange> ranges)
    {
        var merged = new List<EventIdRange>();
        foreach (var r in ranges.OrderBy(r => r.First))
        {
            if (merged.Count > 0 && r.First <= merged[^1].Last + 1)
                merged[^1] = merged[^1] with { Last = Math.Max(merged[^1].Last, r.Last) };
            else
                merged.Add(r);
        }

        // A range of two ids costs two expressions either way; as single ids it reads more plainly.
        return merged.SelectMany(r => r.Last == r.First + 1 ? [r with { Last = r.First }, new EventIdRange(r.Last, r.Last)] : new[] { r }).ToList();
    }
}
