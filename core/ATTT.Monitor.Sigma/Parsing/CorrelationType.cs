namespace ATTT.Monitor.Sigma.Parsing;

/// <summary>The seven correlation types of Sigma 2.1.</summary>
internal enum CorrelationType
{
    EventCount,
    ValueCount,
    Temporal,
    TemporalOrdered,
    ValueSum,
    ValueAvg,
    ValuePercentile,
}
