namespace ATTT.Monitor.Agent.Sources;

/// <summary>The files a replay source reads: one file, or a folder's matching files (recursive) in a stable order.</summary>
internal static class ReplayFiles
{
    public static List<(string Relative, string Full)> List(string path, string pattern)
    {
        if (File.Exists(path))
            return [(Path.GetFileName(path), Path.GetFullPath(path))];
        if (!Directory.Exists(path))
            throw new FileNotFoundException($"The replay source {path} is neither a file nor a folder.", path);
        var root = Path.GetFullPath(path);
        var files = Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories)
            .Select(full => (Relative: Path.GetRelativePath(root, full).Replace('\\', '/'), Full: full))
            .ToList();
        files.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        return files;
    }

    /// <summary>True when <paramref name="file"/> comes before the saved one and was therefore read already.</summary>
    public static bool IsBefore(string file, ReplayPosition? resume) =>
        resume is not null && string.CompareOrdinal(file, resume.File) < 0;

    public static long SkipIn(string file, ReplayPosition? resume) =>
        resume is not null && string.Equals(file, resume.File, StringComparison.Ordinal) ? resume.Records : 0;
}
