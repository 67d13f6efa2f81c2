namespace ATTT.Monitor.Sigma;

/// <summary>The <c>logsource</c> of a rule; each part is null when the rule does not set it.</summary>
public sealed record SigmaLogsource(string? Product, string? Category, string? Service)
{
    public override string ToString() =>
        $"product={Product ?? "-"} category={Category ?? "-"} service={Service ?? "-"}";
}
