using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Collector.Tests.Support;

/// <summary>One entry the collector logged.</summary>
public sealed record LoggedEntry(string Category, LogLevel Level, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : Environment.NewLine + Exception)}";
}
