using System.Diagnostics;

namespace ATTT.Monitor.EndToEnd.Tests.Support;

/// <summary>
/// Starts the real executables built beside the tests (<c>attt.dll</c> copied by the project reference,
/// <c>attt-agent.dll</c> with its own output in <c>agent/</c>) as child processes through the same <c>dotnet</c> host.
/// </summary>
public static class AtttExecutable
{
    public const string Collector = "attt";
    public const string Agent = "attt-agent";

    public static ProcessStartInfo StartInfo(string executable, IEnumerable<string> args)
    {
        // The agent is started from its own complete output (copied to agent/ by the csproj): it runs on
        // Microsoft.NETCore.App alone and needs assemblies this ASP.NET test project does not copy.
        var folder = executable == Agent ? Path.Combine(AppContext.BaseDirectory, "agent") : AppContext.BaseDirectory;
        var dll = Path.Combine(folder, executable + ".dll");
        if (!File.Exists(dll))
            throw new FileNotFoundException($"{dll} is not beside the tests; is the project referenced?", dll);
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        return info;
    }

    /// <summary>Runs a command to its end: exit code, stdout, stderr.</summary>
    public static async Task<CommandResult> RunAsync(string executable, IEnumerable<string> args, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        using var process = Process.Start(StartInfo(executable, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).WaitAsync(timeout ?? TimeSpan.FromMinutes(2), cancellationToken);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new CommandResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary><c>attt ARGS</c> to its end.</summary>
    public static Task<CommandResult> RunCollectorCommandAsync(params string[] args) => RunAsync(Collector, args);

    private static string DotnetHost()
    {
        // dotnet test sets DOTNET_HOST_PATH to the host that runs the tests.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }
}
