namespace ATTT.Monitor.Collector.Storage.Sqlite;

/// <summary>event_recompression's row: bodies with ids from <see cref="Next"/> to <see cref="End"/> are to be rewritten with <see cref="Dictionary"/>.</summary>
internal readonly record struct RecompressionState(long Dictionary, long Next, long End);
