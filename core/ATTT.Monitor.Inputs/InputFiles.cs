namespace ATTT.Monitor.Inputs;

/// <summary>The files of a path to read, and what a file holds.</summary>
public static class InputFiles
{
    /// <summary>
    /// A file as it is (whatever its name), or every file under a folder, recursively, whose name
    /// is one of <paramref name="kinds"/>; in ordinal order of their relative paths, so a folder
    /// always reads in the same order and a position can say which files are done.
    /// </summary>
    /// <exception cref="FileNotFoundException">The path is neither a file nor a folder.</exception>
    public static IReadOnlyList<InputFile> List(string path, InputKinds kinds)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path))
            return [new InputFile(Path.GetFileName(path), path)];
        if (!Directory.Exists(path))
            throw new FileNotFoundException($"{path} is neither a file nor a folder.", path);
        var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Where(f => HasExtension(f, kinds))
            .Select(f => new InputFile(Path.GetRelativePath(path, f).Replace('\\', '/'), f))
            .ToList();
        files.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        return files;
    }

    /// <summary>Whether <paramref name="path"/> is named as one of <paramref name="kinds"/> (.evtx; .json, .jsonl, .ndjson; .zip).</summary>
    public static bool HasExtension(string path, InputKinds kinds)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path);
        return (kinds.HasFlag(InputKinds.Evtx) && Is(extension, ".evtx"))
            || (kinds.HasFlag(InputKinds.Json) && (Is(extension, ".json") || Is(extension, ".jsonl") || Is(extension, ".ndjson")))
            || (kinds.HasFlag(InputKinds.Zip) && Is(extension, ".zip"));
    }

    /// <summary>What the file's content is; <see cref="InputFileKind.Unknown"/> when it is none of the readable kinds.</summary>
    public static InputFileKind Detect(string path)
    {
        using var stream = OpenRead(path);
        return ContentSniffer.Detect(stream);
    }

    // A live log is still being written: share everything so reading never blocks the writer.
    internal static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 4096, FileOptions.SequentialScan);

    private static bool Is(string extension, string expected) => extension.Equals(expected, StringComparison.OrdinalIgnoreCase);
}
