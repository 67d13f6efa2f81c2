using System.CommandLine;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Storage.Agents;

namespace ATTT.Monitor.Collector.Cli;

/// <summary><c>attt agents enroll-code | list | revoke</c>: agent administration on the data folder.</summary>
internal static class AgentsCommands
{
    public const string DefaultUnit = ATTT.Monitor.Collector.Access.UnitNames.Default;

    public static Command Create(CliContext context) =>
        new("agents", "Agent administration (tác tử).") { EnrollCode(context), List(context), Revoke(context) };

    private static Command EnrollCode(CliContext context)
    {
        var data = CommonOptions.Data(required: true);
        var unit = new Option<string?>("--unit") { Description = "Unit (đơn vị) the enrolled agent belongs to (default: \"default\")." };
        var ttl = new Option<string>("--ttl") { Description = "How long the code stays valid, e.g. 24h, 30m, 7d.", DefaultValueFactory = _ => "24h" };
        var count = new Option<int>("--count") { Description = "How many codes to make, one per line (for many PCs).", DefaultValueFactory = _ => 1 };
        var command = new Command("enroll-code", "Create a one-time enrollment code.") { data, unit, ttl, count };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var lifetime = Durations.Parse(parse.GetValue(ttl)!, "--ttl");
            var unitName = parse.GetValue(unit) ?? DefaultUnit;
            if (string.IsNullOrWhiteSpace(unitName) || unitName.Length > 200 || unitName.Any(char.IsControl))
                throw new BadInputException("--unit must be 1 to 200 printable characters.");
            var n = parse.GetValue(count);
            if (n is < 1 or > 10_000)
                throw new BadInputException("--count must be between 1 and 10000.");
            var registry = await OpenAsync(parse.GetValue(data)!, context.Time, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < n; i++)
                await context.Out.WriteLineAsync(await registry.CreateEnrollmentCodeAsync(unitName, lifetime, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(CliContext context)
    {
        var data = CommonOptions.Data(required: true);
        var command = new Command("list", "List enrolled agents: id, unit, host, last contact, last batch, dropped events, state.") { data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var registry = await OpenAsync(parse.GetValue(data)!, context.Time, cancellationToken).ConfigureAwait(false);
            foreach (var a in await registry.ListAsync(null, cancellationToken).ConfigureAwait(false))
            {
                var seen = a.LastSeenAt is { } t ? Events.EventTime.Format(t) : "-";
                var state = a.Revoked ? "revoked" : "active";
                await context.Out.WriteLineAsync($"{a.AgentId}\t{a.Unit}\t{a.Host}\t{seen}\tseq={a.LastSequence}\tdropped={a.DroppedTotal}\t{state}{(a.IsDrill ? "\tdrill" : "")}").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Revoke(CliContext context)
    {
        var data = CommonOptions.Data(required: true);
        var id = new Argument<string>("AGENT_ID") { Description = "The agent to revoke (its token stops working at once)." };
        var command = new Command("revoke", "Revoke an agent's token.") { data, id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var registry = await OpenAsync(parse.GetValue(data)!, context.Time, cancellationToken).ConfigureAwait(false);
            try
            {
                await registry.RevokeAsync(parse.GetValue(id)!, cancellationToken).ConfigureAwait(false);
            }
            catch (KeyNotFoundException ex)
            {
                throw new BadInputException(ex.Message, ex);
            }

            await context.Out.WriteLineAsync($"revoked {parse.GetValue(id)}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<AgentRegistry> OpenAsync(DirectoryInfo data, TimeProvider time, CancellationToken cancellationToken)
    {
        var database = new EmbeddedDatabase(new DataDirectoryOptions { Path = data.FullName }.StateDatabasePath, [IngestSchema.V1]);
        await database.InitializeAsync(cancellationToken).ConfigureAwait(false);
        return new AgentRegistry(database, time);
    }
}
