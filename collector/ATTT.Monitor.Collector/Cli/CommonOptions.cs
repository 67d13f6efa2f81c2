using System.CommandLine;

namespace ATTT.Monitor.Collector.Cli;

/// <summary>Options that several commands share, made fresh per command (an option has one parent).</summary>
internal static class CommonOptions
{
    public static Option<DirectoryInfo> Data(bool required) => new("--data")
    {
        Description = "Folder of the embedded store (SQLite database, outbox, state).",
        Required = required,
        DefaultValueFactory = required ? null! : _ => new DirectoryInfo("./data"),
    };
}
