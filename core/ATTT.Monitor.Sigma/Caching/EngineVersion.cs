using System.Reflection;

namespace ATTT.Monitor.Sigma.Caching;

/// <summary>
/// The engine's identity in cache keys: its version and the build's module id, which the
/// deterministic build changes with every change to the engine's code, so a cache written by
/// another build is never read.
/// </summary>
internal static class EngineVersion
{
    public static readonly string Current = Compute();

    private static string Compute()
    {
        var assembly = typeof(EngineVersion).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString() ?? "0";
        return $"{version}/{assembly.ManifestModule.ModuleVersionId:N}";
    }
}
