namespace ATTT.Monitor.Collector.Notifications.Outbox;

/// <summary>
/// Outbox row states. Dead means undelivered: the sender stopped trying (7 days, or a permanent
/// refusal) and the row is shown prominently until an administrator sends it again or gives it up.
/// Nothing is ever deleted.
/// </summary>
internal static class OutboxStatus
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Dead = "dead";

    /// <summary>An administrator decided it will not be sent (given_up_by says who).</summary>
    public const string GivenUp = "given_up";
}
