namespace ATTT.Monitor.Collector.Notifications.Outbox;

/// <summary>Outbox row states. Dead rows are kept and shown; nothing is ever deleted.</summary>
public static class OutboxStatus
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Dead = "dead";
}
