using System.CommandLine;

namespace ATTT.Monitor.Collector.Cli;

/// <summary><c>attt agents enroll-code</c>: one-time enrollment codes for agents.</summary>
public static class AgentsCommands
{
    public static Command Create(CliContext context)
    {
        var data = CommonOptions.Data(required: true);
        var unit = new Option<string?>("--unit") { Description = "Unit (đơn vị) the enrolled agent belongs to." };
        var ttl = new Option<string>("--ttl") { Description = "How long the code stays valid, e.g. 24h, 30m, 7d.", DefaultValueFactory = _ => "24h" };
        var enroll = new Command("enroll-code", "Create a one-time enrollment code.") { data, unit, ttl };
        enroll.SetAction((_, _) => throw new NotBuiltYetException("attt agents enroll-code"));
        return new Command("agents", "Agent administration.") { enroll };
    }
}
