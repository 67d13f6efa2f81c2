namespace ATTT.Monitor.Sigma.Matching;

/// <summary>The Sigma 2.1 time-part modifiers: the number each extracts from a date.</summary>
internal enum TimePart
{
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}
