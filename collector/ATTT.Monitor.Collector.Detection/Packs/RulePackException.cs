namespace ATTT.Monitor.Collector.Packs;

/// <summary>A pack that cannot be installed (unreadable, hostile or empty) or a rollback with nothing to go back to; nothing was changed.</summary>
public sealed class RulePackException : Exception
{
    public RulePackException(string message) : base(message) { }
    public RulePackException(string message, Exception inner) : base(message, inner) { }
    public RulePackException() { }
}
