namespace ATTT.Monitor.Collector.Hosting;

/// <summary>
/// Where the collector reads its settings: built-in defaults, then the <c>--config</c> file (JSON),
/// then environment variables prefixed <c>ATTT_</c> (double underscore for sections).
/// </summary>
internal static class CollectorConfiguration
{
    public static IConfigurationBuilder AddCollectorConfiguration(this IConfigurationBuilder configuration, ServeOptions options)
    {
        if (options.ConfigFile is not null)
        {
            var full = Path.GetFullPath(options.ConfigFile);
            if (!File.Exists(full))
                throw new FileNotFoundException($"The configuration file {full} does not exist.", full);
            configuration.AddJsonFile(full, optional: false, reloadOnChange: true);
        }

        configuration.AddEnvironmentVariables("ATTT_");
        return configuration;
    }
}
