namespace ATTT.Monitor.Collector.Notifications.Outbox;

/// <summary>One person a message goes to; <see cref="IsTo"/> false means Cc.</summary>
internal sealed record Recipient(string? ContactId, string Name, string Email, bool IsTo, bool IsAuthority);
