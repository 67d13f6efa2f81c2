namespace ATTT.Monitor.Collector.Notifications.Outbox;

/// <summary>A name and address as shown in the To/Cc headers.</summary>
public sealed record MailParty(string Name, string Email);
