using ATTT.Monitor.Agent.Sources.Query;

namespace ATTT.Monitor.Agent.Sources;

/// <summary>One event log channel the agent subscribes to, with the event ids it reads (all when none are given).</summary>
public sealed class WindowsChannel
{
    public string Name { get; set; } = "";

    /// <summary>Ids and ranges to read, and after a minus sign to leave out: <c>4624, 4700-4800, -4735</c>.</summary>
    public EventIdSet EventIds { get; set; } = EventIdSet.All;

    /// <summary>Channels such as Sysmon exist only when the product is installed; a missing one is reported once, not an error.</summary>
    public bool Optional { get; set; }

    /// <summary>The structured XML query (QueryList) the agent subscribes with; resuming is the bookmark's job, not the query's.</summary>
    public string Query() => QueryListBuilder.Build(Name, EventIds);
}
