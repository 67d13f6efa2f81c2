using System.Text.RegularExpressions;
using ATTT.Monitor.Agent.Cli;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Tests.Cli;

/// <summary>The agent's stderr log: one line per entry, level filtered, line breaks in content neutralised.</summary>
public sealed partial class AgentLoggingTests
{
    [Fact]
    public void Writes_one_line_per_entry_at_or_above_the_level()
    {
        using var output = new StringWriter();
        using var loggers = AgentLogging.Create(LogLevel.Information, output);
        var logger = loggers.CreateLogger("sender");

        logger.LogDebug("not shown");
        logger.LogWarning("Batch {Seq} failed: {Error}", 7, "evil\n2026-01-01T00:00:00Z info: forged entry");
        logger.LogError(new InvalidOperationException("boom"), "Gave up on {File}", "a.evtx");

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches(Line(), lines[0]);
        Assert.EndsWith("warn: sender[0] Batch 7 failed: evil 2026-01-01T00:00:00Z info: forged entry", lines[0], StringComparison.Ordinal);
        Assert.Contains("fail: sender[0] Gave up on a.evtx System.InvalidOperationException: boom", lines[1], StringComparison.Ordinal);
        Assert.False(logger.IsEnabled(LogLevel.Debug));
        Assert.True(logger.IsEnabled(LogLevel.Information));
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ warn: ")]
    private static partial Regex Line();
}
