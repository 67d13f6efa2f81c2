namespace ATTT.Monitor.Agent.State;

/// <summary>
/// The agent's identity as saved in <c>credentials.json</c> in the state folder. The token is never
/// saved in clear on Windows (<see cref="Protection"/> = <c>dpapi</c>); elsewhere the file is owner-only.
/// </summary>
internal sealed record StoredCredentials
{
    public string AgentId { get; init; } = "";
    public string? Unit { get; init; }

    /// <summary><c>dpapi</c> (Windows, machine scope) or <c>file-permissions</c> (owner-only file).</summary>
    public string Protection { get; init; } = "";

    /// <summary>Base64 of the protected token bytes.</summary>
    public string Token { get; init; } = "";
}
