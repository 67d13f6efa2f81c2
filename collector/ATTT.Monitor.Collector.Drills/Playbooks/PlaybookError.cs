namespace ATTT.Monitor.Collector.Playbooks;

/// <summary>Why a playbook file was not loaded: the file, the line (1-based), the field path and the reason.</summary>
public sealed record PlaybookError(string Path, int Line, string Field, string Reason)
{
    /// <summary>The line <c>attt playbooks check</c> prints: <c>ERROR path:line: field: reason</c>.</summary>
    public override string ToString() => $"ERROR {Path}:{Line}: {(Field.Length == 0 ? "(file)" : Field)}: {Reason}";
}
