namespace ATTT.Monitor.Sigma.Parsing;

internal enum CorrelationType
{
    EventCount,
    ValueCount,
    Temporal,
    TemporalOrdered,
}
