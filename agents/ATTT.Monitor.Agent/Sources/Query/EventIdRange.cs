using System.Globalization;

namespace ATTT.Monitor.Agent.Sources.Query;

/// <summary>Event ids <see cref="First"/> to <see cref="Last"/>, both included.</summary>
public readonly record struct EventIdRange(int First, int Last)
{
    /// <summary>XPath expressions this range costs in a Select: one for a single id, two for a range (<c>&gt;=</c> and <c>&lt;=</c>).</summary>
    public int Expressions => First == Last ? 1 : 2;

    public bool Contains(int id) => id >= First && id <= Last;

    public string ToXPath() => First == Last
        ? string.Create(CultureInfo.InvariantCulture, $"EventID={First}")
        : string.Create(CultureInfo.InvariantCulture, $"(EventID &gt;= {First} and EventID &lt;= {Last})");

    public override string ToString() => First == Last
        ? First.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{First}-{Last}");
}
