using System.Diagnostics;
using System.Globalization;
using ATTT.Monitor.Agent.Bench;

// Footprint of attt-agent (docs/agent.md): replay at a steady rate against a loopback peer that
// acknowledges at once; report resident memory and CPU share of one core.
// Usage: dotnet ATTT.Monitor.Agent.Bench.dll [--seconds 120] [--rate 50] [--source PATH] [--agent PATH/attt-agent.dll]
var seconds = Arg("--seconds", 120);
var rate = Arg("--rate", 50);
var source = ArgText("--source") ?? FindAttackSamples();
var warmup = Math.Min(20, seconds / 4);

await using var server = await AckServer.StartAsync();
var state = Path.Combine(Path.GetTempPath(), "attt-agent-bench-" + Guid.NewGuid().ToString("N"));
// The agent runs from its own build output: beside the benchmark, ASP.NET Core's shared framework
// would hide the Microsoft.Extensions assemblies the agent ships with.
var agentDll = ArgText("--agent") ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "ATTT.Monitor.Agent", "release", "attt-agent.dll"));
var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
{
    RedirectStandardError = true,
    RedirectStandardOutput = true,
    UseShellExecute = false,
};
foreach (var a in new[] { agentDll, "run", "--collector", server.Url.ToString(), "--enroll-code", "BENCH", "--state", state,
             "--source", "evtx:" + source, "--replay-rate", rate.ToString(CultureInfo.InvariantCulture), "--log-level", "Warning" })
    info.ArgumentList.Add(a);
using var agent = Process.Start(info)!;
var agentLog = agent.StandardError.ReadToEndAsync();
_ = agent.StandardOutput.ReadToEndAsync();

await Task.Delay(TimeSpan.FromSeconds(warmup));
if (agent.HasExited)
{
    Console.Error.WriteLine($"attt-agent exited early ({agent.ExitCode}):\n{await agentLog}");
    return 1;
}

var cpuStart = ProcessSampler.CpuSeconds(agent.Id);
var eventsStart = server.Events;
var clock = Stopwatch.StartNew();
var samples = new List<long>();
while (clock.Elapsed < TimeSpan.FromSeconds(seconds - warmup) && !agent.HasExited)
{
    samples.Add(ProcessSampler.ResidentKilobytes(agent.Id));
    await Task.Delay(1000);
}

var cpu = ProcessSampler.CpuSeconds(agent.Id) - cpuStart;
var elapsed = clock.Elapsed.TotalSeconds;
var delivered = server.Events - eventsStart;
agent.Kill(entireProcessTree: true);
await agent.WaitForExitAsync();
Directory.Delete(state, recursive: true);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"attt-agent footprint: rate {rate} ev/s, measured {elapsed:F0} s after {warmup} s warm-up, {delivered} events acknowledged ({delivered / elapsed:F1} ev/s)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"resident memory: max {samples.Max() / 1024.0:F1} MB, mean {samples.Average() / 1024.0:F1} MB (target <= 30 MB)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"CPU: {100 * cpu / elapsed:F2} % of one core (target < 1 %)"));
return 0;

int Arg(string name, int fallback) =>
    ArgText(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? ArgText(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static string FindAttackSamples()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "shared", "evtx", "attack-samples");
        if (Directory.Exists(candidate))
            return candidate;
    }

    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "shared", "evtx", "attack-samples");
        if (Directory.Exists(candidate))
            return candidate;
    }

    throw new DirectoryNotFoundException("shared/evtx/attack-samples not found; pass --source PATH.");
}
