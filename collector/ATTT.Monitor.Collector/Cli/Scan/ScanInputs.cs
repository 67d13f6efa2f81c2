namespace ATTT.Monitor.Collector.Cli.Scan;

/// <summary>The input files of a scan: files as given, folders read recursively for .evtx and .jsonl.</summary>
internal static class ScanInputs
{
    public static List<string> Enumerate(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                if (!IsEvtx(path) && !IsJson(path))
                    throw new BadInputException($"Input '{path}' is neither an .evtx nor a .jsonl file.");
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => IsEvtx(f) || f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                throw new BadInputException($"Input '{path}' does not exist.");
            }
        }

        return files;
    }

    public static bool IsEvtx(string path) => path.EndsWith(".evtx", StringComparison.OrdinalIgnoreCase);

    // .json is accepted when named explicitly: the SigmaHQ regression data ships concatenated objects so.
    public static bool IsJson(string path) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
}
