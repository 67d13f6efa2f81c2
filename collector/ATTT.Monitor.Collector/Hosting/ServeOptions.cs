namespace ATTT.Monitor.Collector.Hosting;

/// <summary>What <c>attt serve</c> was asked for on the command line.</summary>
internal sealed record ServeOptions(string DataDirectory, string Urls, string? ConfigFile);
