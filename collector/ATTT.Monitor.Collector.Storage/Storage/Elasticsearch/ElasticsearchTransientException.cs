namespace ATTT.Monitor.Collector.Storage.Elasticsearch;

/// <summary>A failure worth retrying: no connection, or the cluster is busy (429, 502-504).</summary>
internal sealed class ElasticsearchTransientException : Exception
{
    public ElasticsearchTransientException(string message) : base(message) { }
    public ElasticsearchTransientException() { }
    public ElasticsearchTransientException(string message, Exception inner) : base(message, inner) { }
}
