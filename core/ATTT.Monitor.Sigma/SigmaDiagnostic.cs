namespace ATTT.Monitor.Sigma;

/// <summary>Why a rule was not loaded.</summary>
public enum SigmaDiagnosticKind
{
    /// <summary>A valid rule that uses something this engine does not do (SKIP).</summary>
    Unsupported,

    /// <summary>A rule that breaks the Sigma specification or is not valid YAML (ERROR).</summary>
    Invalid,
}

/// <summary>One rule that was not loaded, with the named reason.</summary>
public sealed record SigmaDiagnostic(string Path, int Document, SigmaDiagnosticKind Kind, string Reason, string? RuleId = null)
{
    /// <summary><c>SKIP path: reason</c> or <c>ERROR path: reason</c>, as <c>attt rules check</c> prints it.</summary>
    public override string ToString()
    {
        var where = Document > 1 ? $"{Path} (document {Document})" : Path;
        return $"{(Kind == SigmaDiagnosticKind.Unsupported ? "SKIP" : "ERROR")} {where}: {Reason}";
    }
}
