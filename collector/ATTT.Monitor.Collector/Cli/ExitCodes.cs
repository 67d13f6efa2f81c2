namespace ATTT.Monitor.Collector.Cli;

/// <summary>The exit codes of ../shared/CONTRACT.md.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int RuntimeFailure = 1;
    public const int BadInput = 2;
}
