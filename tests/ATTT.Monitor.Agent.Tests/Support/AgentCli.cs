using ATTT.Monitor.Agent.Cli;

namespace ATTT.Monitor.Agent.Tests.Support;

/// <summary>Runs the attt-agent command line in-process and keeps what it wrote.</summary>
internal static class AgentCli
{
    public static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await AgentCommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
