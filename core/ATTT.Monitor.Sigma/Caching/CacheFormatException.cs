namespace ATTT.Monitor.Sigma.Caching;

/// <summary>A cache file whose content does not have the expected shape; the load ignores it and rebuilds.</summary>
internal sealed class CacheFormatException : Exception
{
    public CacheFormatException(string message) : base(message) { }
    public CacheFormatException() { }
    public CacheFormatException(string message, Exception inner) : base(message, inner) { }
}
