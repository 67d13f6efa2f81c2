namespace ATTT.Monitor.Sigma.Tests.ProductRules;

/// <summary>A regression case file that does not follow the case format; names the file and line.</summary>
internal sealed class CaseFormatException(string path, int line, string reason)
    : Exception($"{path}:{line}: {reason}")
{
    public string FilePath => path;
    public int Line => line;
    public string Reason => reason;
}
