namespace ATTT.Monitor.Inputs;

/// <summary>The shapes of event data the readers understand (core/ATTT.Monitor.Inputs/README.md).</summary>
public enum EventFormat
{
    /// <summary>A Windows XML Event Log file.</summary>
    Evtx = 1,

    /// <summary>The shape <c>attt evtx dump --format json</c> writes: <c>{"Event":{"System":…,"EventData":…}}</c>.</summary>
    EvtxJson = 2,

    /// <summary>OTRF Security-Datasets (Mordor): flattened, <c>Hostname</c>, <c>Channel</c>, <c>EventID</c> … at the top level.</summary>
    Otrf = 3,

    /// <summary>Winlogbeat documents (ECS), as indexed in or exported from Elasticsearch: <c>winlog.*</c>.</summary>
    Winlogbeat = 4,

    /// <summary>NXLog <c>im_msvistalog</c> records written with <c>to_json()</c>: <c>EventTime</c>, <c>Hostname</c>, <c>SourceName</c> ….</summary>
    NxLog = 5,
}
