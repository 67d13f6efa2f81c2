using System.CommandLine;
using ATTT.Monitor.Collector.Cli;

namespace ATTT.Monitor.Collector.Demo;

/// <summary>
/// <c>attt demo load</c>: fills a running collector with incidents from sample EVTX files through
/// the real ingest API, for the README's demo (scripts/demo.sh) while no agent replays them.
/// </summary>
internal static class DemoCommands
{
    public static Command Create(CliContext context)
    {
        var collector = new Option<Uri>("--collector") { Description = "Collector URL, e.g. http://127.0.0.1:5080.", Required = true };
        var code = new Option<string>("--enroll-code") { Description = "One-time code from 'attt agents enroll-code'.", Required = true };
        var source = new Option<string>("--source") { Description = "evtx:PATH, a .evtx file or a folder read recursively.", Required = true };
        var host = new Option<string>("--host") { Description = "The PC name the demo agent enrolls as.", DefaultValueFactory = _ => "PC-DEMO-01" };
        var load = new Command("load", "Replay sample .evtx files into a running collector through its ingest API.") { collector, code, source, host };
        load.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(source)!;
            path = path.StartsWith("evtx:", StringComparison.Ordinal) ? path["evtx:".Length..] : path;
            var files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
                : File.Exists(path) ? [path] : throw new BadInputException($"--source: {path} is neither a .evtx file nor a folder.");
            using var http = new HttpClient { BaseAddress = parse.GetValue(collector), Timeout = TimeSpan.FromMinutes(2) };
            var (count, events) = await new DemoLoader(http).LoadAsync(parse.GetValue(code)!, parse.GetValue(host)!, files, cancellationToken);
            await context.Out.WriteLineAsync($"demo: {events} events from {count} files sent to {parse.GetValue(collector)}");
            return ExitCodes.Success;
        });
        return new Command("demo", "Demo data for the dashboard.") { load };
    }
}
