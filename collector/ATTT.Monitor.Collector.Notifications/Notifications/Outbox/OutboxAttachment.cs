namespace ATTT.Monitor.Collector.Notifications.Outbox;

public sealed record OutboxAttachment(string FileName, string ContentType, byte[] Content);
