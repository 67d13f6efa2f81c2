namespace ATTT.Monitor.Sigma.Loading;

/// <summary>A rule file found by <see cref="RuleFileEnumerator"/>, with its size and modification time (UTC ticks).</summary>
internal readonly record struct RuleFileStatus(string Path, long Length, long ModifiedTicks);
