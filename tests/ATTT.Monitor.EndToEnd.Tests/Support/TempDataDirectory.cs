namespace ATTT.Monitor.EndToEnd.Tests.Support;

/// <summary>A fresh data folder for one collector (or agent state), deleted on dispose.</summary>
public sealed class TempDataDirectory : IDisposable
{
    public TempDataDirectory(string prefix = "attt-e2e")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A killed child may still be closing files; temp folders are cleaned eventually.
        }
    }
}
