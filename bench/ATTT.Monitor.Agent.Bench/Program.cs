using System.Diagnostics;
using System.Globalization;
using ATTT.Monitor.Agent.Bench;

// Footprint of attt-agent (docs/agent.md): replay at a steady rate against a loopback peer that
// acknowledges at once; report resident memory and CPU share of one core, for start-up and for the
// steady phase separately.
// Usage: dotnet ATTT.Monitor.Agent.Bench.dll [--seconds 120] [--warmup 20] [--rate 50] [--source PATH|evtx:PATH|jsonl:PATH|replay:PATH]
//        [--agent PATH/attt-agent.dll | PATH/attt-agent]
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine("""
        ATTT.Monitor.Agent.Bench: attt-agent's resident memory and CPU while it replays at a steady rate.
          --seconds N   whole run, start-up included (default 120)
          --warmup N    seconds of start-up left out of the steady figures (default min(20, seconds/4))
          --rate N      events per second the replay source is held to (default 50; 0.01 is an idle agent)
          --source S    evtx:PATH, jsonl:PATH, replay:PATH or a bare PATH (evtx); default ../shared/evtx/attack-samples
          --agent P     attt-agent.dll (run with dotnet) or a native attt-agent executable
                        (default: the attt-agent.dll built beside this benchmark)
          --footprint   run the agent with --log-level Debug and print its own account of its memory
                        (GC heap, JIT-compiled methods, assemblies, threads) logged with each heartbeat
        """);
    return 0;
}

var seconds = double.Parse(ArgText("--seconds") ?? "120", CultureInfo.InvariantCulture);
var warmup = double.Parse(ArgText("--warmup") ?? Math.Min(20, seconds / 4).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
var rate = double.Parse(ArgText("--rate") ?? "50", CultureInfo.InvariantCulture);
var source = ArgText("--source") ?? FindAttackSamples();
var footprint = args.Contains("--footprint");
if (!new[] { "evtx:", "jsonl:", "replay:" }.Any(kind => source.StartsWith(kind, StringComparison.Ordinal)))
    source = "evtx:" + source;

await using var server = await AckServer.StartAsync();
var state = Path.Combine(Path.GetTempPath(), "attt-agent-bench-" + Guid.NewGuid().ToString("N"));
// The agent runs from its own build output: beside the benchmark, ASP.NET Core's shared framework
// would hide the Microsoft.Extensions assemblies the agent ships with.
var agentPath = Path.GetFullPath(ArgText("--agent") ?? Path.Combine(AppContext.BaseDirectory, "..", "..", "ATTT.Monitor.Agent", "release", "attt-agent.dll"));
var viaDotnet = agentPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
var info = new ProcessStartInfo(viaDotnet ? Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet" : agentPath)
{
    RedirectStandardError = true,
    RedirectStandardOutput = true,
    UseShellExecute = false,
};
if (viaDotnet)
    info.ArgumentList.Add(agentPath);
// The environment the Windows service is installed with (the gen0 budget is read from it only).
foreach (var (name, value) in ATTT.Monitor.Agent.Service.ServiceEnvironment.Variables)
    info.Environment.TryAdd(name, value);
foreach (var a in new[] { "run", "--collector", server.Url.ToString(), "--enroll-code", "BENCH", "--state", state,
             "--source", source, "--replay-rate", rate.ToString(CultureInfo.InvariantCulture), "--log-level", footprint ? "Debug" : "Warning" })
    info.ArgumentList.Add(a);
var launched = Stopwatch.StartNew();
using var agent = Process.Start(info)!;
var agentLog = agent.StandardError.ReadToEndAsync();
_ = agent.StandardOutput.ReadToEndAsync();

var startupRss = new List<long>();
while (launched.Elapsed < TimeSpan.FromSeconds(warmup) && !agent.HasExited)
{
    startupRss.Add(ProcessSampler.ResidentKilobytes(agent.Id));
    await Task.Delay(250);
}

if (agent.HasExited)
{
    Console.Error.WriteLine($"attt-agent exited early ({agent.ExitCode}):\n{await agentLog}");
    return 1;
}

var cpuStart = ProcessSampler.CpuSeconds(agent.Id);
var startupElapsed = launched.Elapsed.TotalSeconds;
var eventsStart = server.Events;
var clock = Stopwatch.StartNew();
var samples = new List<long>();
while (clock.Elapsed < TimeSpan.FromSeconds(seconds - warmup) && !agent.HasExited)
{
    samples.Add(ProcessSampler.ResidentKilobytes(agent.Id));
    await Task.Delay(1000);
}

if (agent.HasExited)
{
    Console.Error.WriteLine($"attt-agent exited during the measurement ({agent.ExitCode}):\n{await agentLog}");
    return 1;
}

var cpu = ProcessSampler.CpuSeconds(agent.Id) - cpuStart;
var elapsed = clock.Elapsed.TotalSeconds;
var delivered = server.Events - eventsStart;
agent.Kill(entireProcessTree: true);
await agent.WaitForExitAsync();
Directory.Delete(state, recursive: true);

var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";
Console.WriteLine($"agent: {(viaDotnet ? "dotnet " : "")}{agentPath}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"start-up (first {startupElapsed:F0} s, enrollment and JIT included): CPU {cpuStart:F2} s, resident memory max {startupRss.DefaultIfEmpty().Max() / 1024.0:F1} MB"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"steady phase: rate {rate} ev/s, measured {elapsed:F0} s, {delivered} events acknowledged ({delivered / elapsed:F1} ev/s)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"resident memory: max {samples.Max() / 1024.0:F1} MB, mean {samples.Average() / 1024.0:F1} MB (target <= 30 MB)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"CPU: {cpu:F2} s user+sys, {100 * cpu / elapsed:F2} % of one core (target < 1 %)"));
Console.WriteLine($"load average at the end: {load}");
if (footprint)
{
    foreach (var line in (await agentLog).Split('\n').Where(l => l.Contains("Footprint:", StringComparison.Ordinal)))
        Console.WriteLine("agent " + line.Trim());
}

return 0;

string? ArgText(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static string FindAttackSamples()
{
    foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "evtx", "attack-samples");
            if (Directory.Exists(candidate))
                return candidate;
        }
    }

    throw new DirectoryNotFoundException("shared/evtx/attack-samples not found; pass --source PATH.");
}
