namespace ATTT.Monitor.Sigma.Matching;

internal enum TextMatchKind
{
    Equals,
    StartsWith,
    EndsWith,
    Contains,
}
