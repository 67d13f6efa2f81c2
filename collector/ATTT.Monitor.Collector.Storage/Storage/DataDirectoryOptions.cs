namespace ATTT.Monitor.Collector.Storage;

/// <summary>
/// Where the embedded store lives (<c>--data</c>, default ./data): the one source of the data folder
/// for every area. The host makes it once (<see cref="For"/>) and hands it to the areas that need it.
/// </summary>
public sealed class DataDirectoryOptions
{
    public string Path { get; set; } = "./data";

    /// <summary>The state database: agents, units, incidents, users, outbox, audit, scheduler.</summary>
    public string StateDatabasePath => System.IO.Path.Combine(Path, "attt.db");

    /// <summary>The dashboard's cookie keys, beside the data so that each data folder has its own.</summary>
    public string KeysPath => System.IO.Path.Combine(Path, "keys");

    /// <summary>The folder <paramref name="path"/> names, as a full path.</summary>
    public static DataDirectoryOptions For(string path) => new() { Path = System.IO.Path.GetFullPath(path) };
}
