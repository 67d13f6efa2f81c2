using System.IO.Compression;

namespace ATTT.Monitor.Collector.Tests.Detection.Packs;

/// <summary>
/// Rule-pack archives built at test time from ../shared/sigma, laid out as SigmaHQ's release zips
/// are (<c>rules/…</c> paths), since the repository holds no SigmaHQ rule.
/// </summary>
internal static class SigmaArchives
{
    public const string LogClearedId = "d99b79d2-0a6f-4f46-ad8b-260b6e17f982";
    public const string LogClearedFile = "win_security_audit_log_cleared.yml";

    /// <summary>SigmaHQ's own folder of Security-log rules.</summary>
    public static string SecurityRules => Path.Combine(RepositoryPaths.RequiredShared, "sigma", "rules", "windows", "builtin", "security");

    /// <summary>A zip of the Security-log rules under <c>rules/windows/builtin/security/</c>, less the files <paramref name="leaveOut"/> names, plus <paramref name="extra"/> entries.</summary>
    public static string Security(string folder, string name, IEnumerable<string>? leaveOut = null, IReadOnlyDictionary<string, string>? extra = null)
    {
        var skip = new HashSet<string>(leaveOut ?? [], StringComparer.Ordinal);
        var path = Path.Combine(folder, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var file in Directory.EnumerateFiles(SecurityRules, "*.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (skip.Contains(Path.GetFileName(file)))
                continue;
            zip.CreateEntryFromFile(file, "rules/windows/builtin/security/" + Path.GetRelativePath(SecurityRules, file).Replace('\\', '/'));
        }

        foreach (var (entry, text) in extra ?? new Dictionary<string, string>())
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write(text);
        }

        return path;
    }

    /// <summary>A zip of whatever entries are given, for hostile and broken archives.</summary>
    public static string Of(string folder, string name, params (string Entry, string Text)[] entries)
    {
        var path = Path.Combine(folder, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, text) in entries)
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write(text);
        }

        return path;
    }

    /// <summary>A snapshot of a folder's files and their contents, to show that nothing changed.</summary>
    public static IReadOnlyDictionary<string, string> Snapshot(string folder) =>
        !Directory.Exists(folder) ? new Dictionary<string, string>()
            : Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
