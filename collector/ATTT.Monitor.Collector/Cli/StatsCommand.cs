using System.CommandLine;
using System.Text.Json;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Cli;

/// <summary><c>attt stats</c>: counts in the store as one JSON object.</summary>
public static class StatsCommand
{
    public static Command Create(CliContext context)
    {
        var data = CommonOptions.Data(required: true);
        var command = new Command("stats", "Print counts in the store as JSON (works while serve runs).") { data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            IReadOnlyDictionary<string, long> counts;
            try
            {
                counts = await StoreStatistics.ReadAsync(parse.GetValue(data)!.FullName, cancellationToken).ConfigureAwait(false);
            }
            catch (DirectoryNotFoundException ex)
            {
                throw new BadInputException(ex.Message, ex);
            }

            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                foreach (var (name, value) in counts)
                    writer.WriteNumber(name, value);
                writer.WriteEndObject();
            }

            await context.Out.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
