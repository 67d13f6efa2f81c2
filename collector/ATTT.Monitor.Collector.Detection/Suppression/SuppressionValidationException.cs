namespace ATTT.Monitor.Collector.Suppression;

/// <summary>A disablement or filter that cannot be accepted; <see cref="TextKey"/> names the dashboard text explaining why.</summary>
public sealed class SuppressionValidationException(string textKey, string message) : Exception(message)
{
    public string TextKey { get; } = textKey;
}
