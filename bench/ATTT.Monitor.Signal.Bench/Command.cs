using System.Diagnostics;

namespace ATTT.Monitor.Signal.Bench;

/// <summary>Runs one of the product's programs (an apphost, or a .dll through dotnet) and captures its output.</summary>
internal static class Command
{
    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> args)
    {
        var info = program.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new ProcessStartInfo("dotnet") { ArgumentList = { program } }
            : new ProcessStartInfo(program);
        foreach (var a in args)
            info.ArgumentList.Add(a);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        return info;
    }

    public static async Task<(int Code, string Out, string Err)> RunAsync(string program, params string[] args)
    {
        using var process = Process.Start(StartInfo(program, args)) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        return (process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }

    public static async Task<string> LastLineAsync(string program, params string[] args)
    {
        var (code, output, error) = await RunAsync(program, args).ConfigureAwait(false);
        if (code != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', args)} exited {code}: {error.Trim()}");
        return output.TrimEnd().Split('\n')[^1].Trim();
    }
}
