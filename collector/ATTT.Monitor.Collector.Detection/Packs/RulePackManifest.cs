using System.Text.Json.Serialization;

namespace ATTT.Monitor.Collector.Packs;

/// <summary>
/// What an installed pack is, written beside its rules at install: its name (the archive or folder
/// name), its date (from the name, else the newest rule date), where it came from, and the counts of
/// the whole pack as validated (before any profile), by status and by level.
/// </summary>
public sealed record RulePackManifest(
    string Name,
    string? Date,
    DateTimeOffset InstalledAt,
    string Source,
    int Loaded,
    int Unsupported,
    int Invalid,
    int SkippedFiles,
    IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyDictionary<string, int> ByLevel)
{
    /// <summary>The contract's summary line of <c>attt rules update</c> and <c>rollback</c>.</summary>
    [JsonIgnore]
    public string SummaryLine => $"rules pack {Name} {Date ?? "-"}: {Loaded} loaded, {Unsupported} unsupported, {Invalid} invalid";
}

/// <summary>A pack in the data folder: its id (folder name), folder, rules folder and manifest.</summary>
public sealed record InstalledPack(string Id, string Folder, RulePackManifest Manifest)
{
    public string RulesFolder => RulePackLayout.RulesFolder(Folder);
}
