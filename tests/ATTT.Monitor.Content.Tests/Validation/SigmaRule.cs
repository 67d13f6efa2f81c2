namespace ATTT.Monitor.Content.Tests.Validation;

/// <summary>A Sigma rule's id, title and tags, and the file it came from.</summary>
internal sealed record SigmaRule(string Id, string Title, IReadOnlyList<string> Tags, string Path);
