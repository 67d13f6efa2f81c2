namespace ATTT.Monitor.Sigma.Parsing;

/// <summary>One criterion of a correlation condition; several are ANDed (a range).</summary>
internal readonly record struct CorrelationComparison(ComparisonOperator Operator, double Threshold)
{
    public bool Holds(double value) => Operator switch
    {
        ComparisonOperator.Gt => value > Threshold,
        ComparisonOperator.Gte => value >= Threshold,
        ComparisonOperator.Lt => value < Threshold,
        ComparisonOperator.Lte => value <= Threshold,
        ComparisonOperator.Eq => value == Threshold,
        _ => value != Threshold,
    };

    /// <summary>True for gt and gte: more events can only keep a count above it.</summary>
    public bool IsLowerBound => Operator is ComparisonOperator.Gt or ComparisonOperator.Gte;

    public static bool TryParseOperator(string key, out ComparisonOperator op)
    {
        switch (key)
        {
            case "gt": op = ComparisonOperator.Gt; return true;
            case "gte": op = ComparisonOperator.Gte; return true;
            case "lt": op = ComparisonOperator.Lt; return true;
            case "lte": op = ComparisonOperator.Lte; return true;
            case "eq": op = ComparisonOperator.Eq; return true;
            case "neq": op = ComparisonOperator.Neq; return true;
            default: op = default; return false;
        }
    }
}
