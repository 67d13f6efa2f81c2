using System.CommandLine;
using System.Text.Json;
using ATTT.Monitor.Collector.Plan;
using ATTT.Monitor.Collector.Storage;

namespace ATTT.Monitor.Collector.Cli;

/// <summary><c>attt stats</c>: counts in the store as one JSON object.</summary>
internal static class StatsCommand
{
    public static Command Create(CliContext context)
    {
        var data = CommonOptions.Data(required: true);
        var command = new Command("stats", "Print counts in the store as JSON (works while serve runs).") { data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            try
            {
                var folder = parse.GetValue(data)!.FullName;
                foreach (var (name, value) in await StoreStatistics.ReadAsync(folder, cancellationToken).ConfigureAwait(false))
                    counts[name] = value;
                var minimum = new ConfigurationBuilder().AddEnvironmentVariables("ATTT_").Build()
                    .GetSection(MinimumConfigurationOptions.Section).Get<MinimumConfigurationOptions>() ?? new MinimumConfigurationOptions();
                foreach (var (name, value) in await PlanStatistics.ReadAsync(folder, minimum, context.Time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
                    counts[name] = value;
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
