namespace ATTT.Monitor.Sigma.Parsing;

/// <summary>Thrown while parsing or compiling one rule; turned into a <see cref="SigmaDiagnostic"/>.</summary>
internal sealed class SigmaRuleException : Exception
{
    public SigmaRuleException(SigmaDiagnosticKind kind, string message) : base(message) => Kind = kind;
    public SigmaRuleException() { }
    public SigmaRuleException(string message) : base(message) { }
    public SigmaRuleException(string message, Exception inner) : base(message, inner) { }

    public SigmaDiagnosticKind Kind { get; } = SigmaDiagnosticKind.Invalid;

    public static SigmaRuleException Invalid(string message) => new(SigmaDiagnosticKind.Invalid, message);
    public static SigmaRuleException Unsupported(string message) => new(SigmaDiagnosticKind.Unsupported, message);
}
