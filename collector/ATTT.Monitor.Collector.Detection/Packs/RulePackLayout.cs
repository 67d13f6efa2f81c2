namespace ATTT.Monitor.Collector.Packs;

/// <summary>
/// Where installed rule packs live in the data folder: <c>rule-packs/</c> holds one folder per
/// pack (its rules under <c>rules/</c>, its manifest in <c>pack.json</c>), the pointer files
/// <c>current</c> and <c>previous</c> naming a pack folder, and <c>tuning.json</c> (the noisy-rule
/// list and level tuning, kept apart from the packs so they survive updates). The compiled-rule
/// cache is <c>rule-cache/</c> beside it.
/// </summary>
public sealed class RulePackLayout
{
    public const string FolderName = "rule-packs";
    public const string StagingPrefix = ".staging-";

    public RulePackLayout(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        DataDirectory = Path.GetFullPath(dataDirectory);
    }

    public string DataDirectory { get; }
    public string Root => Path.Combine(DataDirectory, FolderName);
    public string CurrentPointer => Path.Combine(Root, "current");
    public string PreviousPointer => Path.Combine(Root, "previous");
    public string TuningPath => Path.Combine(Root, "tuning.json");
    public string CacheDirectory => Path.Combine(DataDirectory, "rule-cache");

    public string PackFolder(string id) => Path.Combine(Root, id);

    public static string RulesFolder(string packFolder) => Path.Combine(packFolder, "rules");

    public static string ManifestPath(string packFolder) => Path.Combine(packFolder, "pack.json");

    /// <summary>A pack id is a folder name this code made: letters, digits and dashes only, so a tampered pointer cannot point outside the root.</summary>
    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
