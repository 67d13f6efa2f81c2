using ATTT.Monitor.Sigma;
using ATTT.Monitor.Sigma.Routing;

namespace ATTT.Monitor.Collector.Cli.Scan;

/// <summary>
/// Loads rules for the command line, turning a missing path or bad mapping into bad input. The
/// compiled set is cached per user (<see cref="CacheDirectory"/>), so a second `attt scan` or
/// `attt rules check` of the same rules starts without parsing or compiling them.
/// </summary>
internal static class RuleLoading
{
    /// <summary>Overrides the cache folder; <c>off</c> (or empty) disables the cache.</summary>
    public const string CacheVariable = "ATTT_CACHE_DIR";

    public static SigmaRuleSet Load(IEnumerable<string> paths, FileInfo? mapping) => Load(paths, mapping, Console.Error);

    /// <param name="warnings">Where cache warnings go (a damaged cache ignored, a cache that cannot be written), one line each.</param>
    /// <param name="channels">The channel filter: only rules for these channels are loaded; null loads all.</param>
    public static SigmaRuleSet Load(IEnumerable<string> paths, FileInfo? mapping, TextWriter warnings, IReadOnlyCollection<string>? channels = null)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        if (mapping is not null && !mapping.Exists)
            throw new BadInputException($"Mapping file '{mapping.FullName}' does not exist.");
        SigmaRuleSet set;
        try
        {
            set = SigmaRuleSet.Load(paths, new SigmaLoadOptions { MappingPath = mapping?.FullName, CacheDirectory = CacheDirectory(), Channels = channels });
        }
        catch (FileNotFoundException ex)
        {
            throw new BadInputException(ex.Message, ex);
        }
        catch (SigmaMappingException ex)
        {
            throw new BadInputException($"Mapping file is invalid: {ex.Message}", ex);
        }

        foreach (var w in set.Cache.Warnings) warnings.WriteLine($"warning: {w}");
        return set;
    }

    /// <summary>
    /// The compiled-rule cache folder: <c>$ATTT_CACHE_DIR</c> if set (<c>off</c> for none), else
    /// <c>$XDG_CACHE_HOME/attt/rules</c>, else <c>~/.cache/attt/rules</c> (on Windows
    /// <c>%LOCALAPPDATA%\attt\cache\rules</c>); null when no home folder is known.
    /// </summary>
    public static string? CacheDirectory()
    {
        var configured = Environment.GetEnvironmentVariable(CacheVariable);
        if (configured is not null)
            return configured.Length == 0 || string.Equals(configured, "off", StringComparison.OrdinalIgnoreCase) ? null : configured;
        if (OperatingSystem.IsWindows())
            return Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData) is { Length: > 0 } local
                ? Path.Combine(local, "attt", "cache", "rules") : null;
        if (Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
            return Path.Combine(xdg, "attt", "rules");
        return Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home
            ? Path.Combine(home, ".cache", "attt", "rules") : null;
    }
}
