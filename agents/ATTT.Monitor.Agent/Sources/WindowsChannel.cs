namespace ATTT.Monitor.Agent.Sources;

/// <summary>One event log channel the agent subscribes to, with an XPath filter on <c>System</c> (or none).</summary>
public sealed class WindowsChannel
{
    public string Name { get; set; } = "";

    /// <summary>XPath condition inside <c>*[System[...]]</c>, e.g. <c>(EventID=4624 or EventID=4625)</c>; empty: every event.</summary>
    public string Filter { get; set; } = "";

    /// <summary>Channels such as Sysmon exist only when the product is installed; a missing one is not an error.</summary>
    public bool Optional { get; set; }

    /// <summary>The XPath query for events after <paramref name="afterRecordId"/>.</summary>
    public string Query(long afterRecordId)
    {
        var conditions = new List<string>(2);
        if (!string.IsNullOrWhiteSpace(Filter))
            conditions.Add("(" + Filter + ")");
        if (afterRecordId > 0)
            conditions.Add("EventRecordID > " + afterRecordId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return conditions.Count == 0 ? "*" : "*[System[" + string.Join(" and ", conditions) + "]]";
    }
}
