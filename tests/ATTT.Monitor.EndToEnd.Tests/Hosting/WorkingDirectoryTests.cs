using ATTT.Monitor.EndToEnd.Tests.Support;

namespace ATTT.Monitor.EndToEnd.Tests.Hosting;

/// <summary>
/// `attt serve` does not depend on the folder it is started from: its content root is its install
/// folder. The host watches its content root and every folder under it for appsettings.json, which
/// the collector does not use; from a large working directory (a repository, /tmp, / for a service)
/// that walk cost up to a second of every start.
/// </summary>
public sealed class WorkingDirectoryTests
{
    [Fact]
    public async Task Serve_ignores_the_working_directory_and_its_appsettings()
    {
        using var data = new TempFolder("attt-cwd-data");
        using var cwd = new TempFolder("attt-cwd");
        // Were this file read, the host's information lines (the content root's among them) would not be logged.
        cwd.Write("appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Warning" } } }""");
        for (var i = 0; i < 20; i++) Directory.CreateDirectory(Path.Combine(cwd.Path, $"folder-{i}", "sub"));

        await using var collector = await CollectorProcess.StartAsync(data.Path, workingDirectory: cwd.Path);
        await Eventually.UntilAsync(() => collector.Log.Contains("Content root path:", StringComparison.Ordinal), $"the content root in the log:\n{collector.Log}");

        var line = collector.Log.Split('\n').First(l => l.Contains("Content root path:", StringComparison.Ordinal));
        var root = line[(line.IndexOf("Content root path:", StringComparison.Ordinal) + "Content root path:".Length)..].Trim();
        Assert.Equal(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory), Path.TrimEndingDirectorySeparator(root));
    }
}
