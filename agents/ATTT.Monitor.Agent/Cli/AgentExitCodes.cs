namespace ATTT.Monitor.Agent.Cli;

/// <summary>The exit codes of ../shared/CONTRACT.md.</summary>
public static class AgentExitCodes
{
    public const int Success = 0;
    public const int RuntimeFailure = 1;
    public const int BadInput = 2;
}
