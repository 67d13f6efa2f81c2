using ATTT.Monitor.Sigma.Parsing;

namespace ATTT.Monitor.Sigma.Correlation.Windows;

/// <summary>The window a correlation's groups keep, by type.</summary>
internal static class WindowFactory
{
    public static GroupWindow Create(CorrelationDefinition d) => d.Type switch
    {
        CorrelationType.EventCount => new CountWindow(d.CountsToKeep),
        CorrelationType.ValueCount => new DistinctWindow(d.CountsToKeep),
        CorrelationType.Temporal => new RulesWindow(d.Rules),
        CorrelationType.TemporalOrdered => new OrderedWindow(d.Rules),
        CorrelationType.ValueSum => new SumWindow(d.Timespan, average: false),
        CorrelationType.ValueAvg => new SumWindow(d.Timespan, average: true),
        _ => d.Percentile is { } p ? new PercentileWindow(p) : new RarityWindow(),
    };
}
