namespace ATTT.Monitor.Collector.Storage;

/// <summary>Where the embedded store lives (<c>--data</c>, default ./data).</summary>
public sealed class DataDirectoryOptions
{
    public string Path { get; set; } = "./data";

    /// <summary>The state database: agents, units, incidents, users, outbox, audit, scheduler.</summary>
    public string StateDatabasePath => System.IO.Path.Combine(Path, "attt.db");
}
