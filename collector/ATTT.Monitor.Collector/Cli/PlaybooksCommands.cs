using System.CommandLine;
using ATTT.Monitor.Collector.Playbooks;

namespace ATTT.Monitor.Collector.Cli;

/// <summary>
/// <c>attt playbooks check</c>: validates playbooks (kịch bản ứng phó) as the collector loads
/// them. One <c>ERROR path:line: field: reason</c> line per file not loaded (its other problems on
/// stderr), then
/// <c>playbooks: N loaded, E invalid</c>; exit 2 when a file is invalid.
/// </summary>
internal static class PlaybooksCommands
{
    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Playbook files or folders." };
        var check = new Command("check", "Validate playbooks.") { paths };
        check.SetAction(async (parse, cancellationToken) =>
        {
            var result = PlaybookLoader.Load(parse.GetValue(paths)!);
            // stdout: one line per file not loaded (its first problem), as `rules check` does;
            // stderr: the file's other problems, so one run shows every mistake.
            foreach (var file in result.Errors.GroupBy(e => e.Path, StringComparer.Ordinal))
            {
                await context.Out.WriteLineAsync(file.First().ToString()).ConfigureAwait(false);
                foreach (var more in file.Skip(1))
                    await context.Error.WriteLineAsync("  " + more).ConfigureAwait(false);
            }

            await context.Out.WriteLineAsync($"playbooks: {result.Playbooks.Count} loaded, {result.InvalidFiles} invalid").ConfigureAwait(false);
            return result.InvalidFiles > 0 ? ExitCodes.BadInput : ExitCodes.Success;
        });
        return new Command("playbooks", "Incident-response playbooks.") { check };
    }
}
