namespace ATTT.Monitor.Collector.Incidents;

/// <summary>A guidance file that cannot be used; the message names the file, line and field.</summary>
internal sealed class GuidanceFormatException(string message, Exception? inner = null) : Exception(message, inner);
