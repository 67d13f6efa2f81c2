using ATTT.Monitor.Agent.Sources;

namespace ATTT.Monitor.Agent.Tests.Support;

/// <summary>Reads a finite source to its end, as the agent's reading thread does.</summary>
internal static class SourceReading
{
    public static List<SourcedEvent> ReadAll(IEventSource source, string? resumeAfter)
    {
        using var stream = source.Open(resumeAfter);
        var events = new List<SourcedEvent>();
        while (true)
        {
            if (stream.TryRead(Timeout.InfiniteTimeSpan, TestContext.Current.CancellationToken, out var next))
                events.Add(next);
            else if (stream.Ended)
                return events;
        }
    }
}
