namespace ATTT.Monitor.Sigma.Loading;

/// <summary>Rule files under the given paths: a file as given, a folder read recursively for .yml/.yaml.</summary>
internal static class RuleFileEnumerator
{
    public static IReadOnlyList<string> Enumerate(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
                    .Where(f => !IsMapping(f))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                throw new FileNotFoundException($"Rule path '{path}' does not exist.", path);
            }
        }

        return files;
    }

    // rules/ also holds the logsource mapping (logsource-mapping.yml); it is not a rule. Only that
    // name: SigmaHQ has rules whose names end in "mapping" (win_system_kdcsvc_cert_use_no_strong_mapping.yml).
    private static bool IsMapping(string path) =>
        Path.GetFileNameWithoutExtension(path).Equals("logsource-mapping", StringComparison.OrdinalIgnoreCase);
}
