namespace ATTT.Monitor.Sigma.Parsing;

/// <summary>The comparison operators of a correlation condition (and of the numeric modifiers).</summary>
internal enum ComparisonOperator
{
    Gt,
    Gte,
    Lt,
    Lte,
    Eq,
    Neq,
}
