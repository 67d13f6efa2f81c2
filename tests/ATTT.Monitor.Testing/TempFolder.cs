namespace ATTT.Monitor.Testing;

/// <summary>A fresh folder under the system temp folder, deleted when disposed.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "attt-test")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="content"/> (with \n line ends) to <paramref name="name"/> under the folder; returns the file's path.</summary>
    public string Write(string name, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var file = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content.ReplaceLineEndings("\n"));
        return file;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held for a moment (a SQLite pool, a child process closing); the OS cleans temp folders.
        }
        catch (UnauthorizedAccessException)
        {
            // The same, on a file whose handle is still open elsewhere.
        }
    }
}
