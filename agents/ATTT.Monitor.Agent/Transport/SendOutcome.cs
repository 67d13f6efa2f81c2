namespace ATTT.Monitor.Agent.Transport;

/// <summary>The end of one call: <see cref="Error"/> is a sentence for logs and <c>status</c>.</summary>
public sealed record SendOutcome(SendStatus Status, string? Error = null, bool Duplicate = false)
{
    public static SendOutcome Ok { get; } = new(SendStatus.Accepted);
}
