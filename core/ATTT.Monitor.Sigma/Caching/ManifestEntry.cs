namespace ATTT.Monitor.Sigma.Caching;

/// <summary>
/// One rule file as the cache saw it: path, size and modification time (so an unchanged file need
/// not be read again), and the SHA-256 of its content, which is what the cache is keyed by.
/// </summary>
internal sealed record ManifestEntry(string Path, long Length, long ModifiedTicks, byte[] ContentHash);
