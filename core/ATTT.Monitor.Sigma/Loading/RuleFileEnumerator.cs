using System.IO.Enumeration;

namespace ATTT.Monitor.Sigma.Loading;

/// <summary>Rule files under the given paths: a file as given, a folder read recursively for .yml/.yaml.</summary>
internal static class RuleFileEnumerator
{
    public static IReadOnlyList<string> Enumerate(IEnumerable<string> paths) => EnumerateWithStatus(paths).Select(f => f.Path).ToList();

    /// <summary>
    /// The files with their size and modification time, read in the same directory walk (one status
    /// call per file, relative to its directory), which the compiled-rule cache compares with what it saw.
    /// </summary>
    /// <exception cref="FileNotFoundException">A path does not exist.</exception>
    public static IReadOnlyList<RuleFileStatus> EnumerateWithStatus(IEnumerable<string> paths)
    {
        var files = new List<RuleFileStatus>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                var info = new FileInfo(path);
                files.Add(new RuleFileStatus(path, info.Length, info.LastWriteTimeUtc.Ticks));
            }
            else if (Directory.Exists(path))
            {
                var found = new FileSystemEnumerable<RuleFileStatus>(path,
                    static (ref FileSystemEntry e) => new RuleFileStatus(e.ToSpecifiedFullPath(), e.Length, e.LastWriteTimeUtc.UtcTicks),
                    new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
                {
                    ShouldIncludePredicate = static (ref FileSystemEntry e) => !e.IsDirectory && IsRuleFile(e.FileName),
                };
                files.AddRange(found.OrderBy(f => f.Path, StringComparer.Ordinal));
            }
            else
            {
                throw new FileNotFoundException($"Rule path '{path}' does not exist.", path);
            }
        }

        return files;
    }

    private static bool IsRuleFile(ReadOnlySpan<char> name) =>
        (name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)) && !IsMapping(name);

    // rules/ also holds the logsource mapping (logsource-mapping.yml); it is not a rule. Only that
    // name: SigmaHQ has rules whose names end in "mapping" (win_system_kdcsvc_cert_use_no_strong_mapping.yml).
    private static bool IsMapping(ReadOnlySpan<char> name) =>
        Path.GetFileNameWithoutExtension(name).Equals("logsource-mapping", StringComparison.OrdinalIgnoreCase);
}
