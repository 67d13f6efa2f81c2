namespace ATTT.Monitor.Collector.Notifications.Templates;

/// <summary>A notification template that cannot be used, and whether the shipped one stands in for it.</summary>
public sealed record TemplateProblem(string Path, string Reason, bool UsesShipped);
