namespace ATTT.Monitor.Collector.Search;

/// <summary>What is wrong with a filter (the dashboard words each in Vietnamese).</summary>
public enum EventSearchProblem
{
    NotATime,
    FromAfterTo,
    NotAField,
    NotANumber,
    NotACursor,
    TooLong,
}
