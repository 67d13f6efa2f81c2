using System.Diagnostics;
using System.Globalization;

namespace ATTT.Monitor.LoadGen;

/// <summary>Starts <c>attt serve</c> and runs <c>attt agents enroll-code</c> through the dotnet host.</summary>
internal static class CollectorLauncher
{
    public static async Task<(Process Process, Uri Url)> StartAsync(string atttDll, string data, IReadOnlyList<string> rulePaths)
    {
        var info = Info(atttDll, "serve", "--data", data, "--urls", "http://127.0.0.1:0");
        // Every simulated agent enrolls from 127.0.0.1 at once.
        info.Environment["ATTT_Ingest__EnrollPerMinute"] = "100000";
        for (var i = 0; i < rulePaths.Count; i++)
            info.Environment[string.Create(CultureInfo.InvariantCulture, $"ATTT_Detection__RulePaths__{i}")] = rulePaths[i];
        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        string? first;
        try
        {
            // Generous: on a busy machine the first start (JIT, schema) can take minutes.
            first = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(5)).ConfigureAwait(false);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }

        if (first is null)
            throw new InvalidOperationException("attt serve exited before printing its URL.");
        _ = process.StandardOutput.ReadToEndAsync();
        return (process, new Uri(first[(first.IndexOf("http", StringComparison.Ordinal))..].Trim()));
    }

    public static async Task<string[]> EnrollmentCodesAsync(string atttDll, string data, int count)
    {
        using var process = Process.Start(Info(atttDll, "agents", "enroll-code", "--data", data, "--count", count.ToString(CultureInfo.InvariantCulture)))!;
        var output = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        var error = await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"attt agents enroll-code failed: {error.Trim()}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static ProcessStartInfo Info(string atttDll, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.GetFullPath(atttDll));
        foreach (var a in args)
            info.ArgumentList.Add(a);
        return info;
    }
}
