namespace ATTT.Monitor.Agent.State;

/// <summary>
/// Crash-safe small files: write a temporary file, flush it to disk, then rename it over the old one,
/// so a reader (or the agent after a power cut) sees either the old or the new content, never half.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Owner read/write only: for files that hold secrets or the agent's state.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content)
    {
        var temp = path + ".tmp";
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnly;
        using (var stream = new FileStream(temp, options))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads the file, or null when it does not exist (a temp file left by a crash is ignored).</summary>
    public static byte[]? TryReadAllBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }
}
