namespace ATTT.Monitor.EndToEnd.Tests.Support;

/// <summary>What a finished child process left: exit code and its two output streams.</summary>
public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>The last non-empty stdout line (e.g. the code of <c>attt agents enroll-code</c>).</summary>
    public string LastLine => StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
}
