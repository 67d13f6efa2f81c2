namespace ATTT.Monitor.Collector.Users;

/// <summary>A problem found while the collector started, in both languages of the dashboard.</summary>
internal sealed record StartupWarning(string Vietnamese, string English);
