namespace ATTT.Monitor.Events.Wire.Agents;

/// <summary>
/// Whether the agent can read one configured event log channel: <c>ok</c>, <c>missing</c> (not
/// installed on this PC, e.g. Sysmon) or <c>error</c> (Windows refused the query or the read;
/// <see cref="Error"/> says why). Sent with posture, so a missing channel is reported, not retried with errors.
/// </summary>
public sealed record ChannelState(string Name, string State, string? Error)
{
    public const string Ok = "ok", Missing = "missing", Failed = "error";
    public const int MaxChannels = 64;
}
