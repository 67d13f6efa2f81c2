namespace ATTT.Monitor.Content.Tests.Validation;

/// <summary>One thing wrong in a content file, named by file, line and field.</summary>
internal sealed record ContentProblem(string Path, int Line, string Field, string Reason)
{
    public override string ToString() => $"{Path}:{Line}: {Field}: {Reason}";
}
