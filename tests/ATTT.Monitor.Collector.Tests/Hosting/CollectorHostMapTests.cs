using System.Reflection;
using ATTT.Monitor.Collector.Hosting;
using ATTT.Monitor.Collector.Tests.Architecture;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace ATTT.Monitor.Collector.Tests.Hosting;

/// <summary>Every area's Map* is listed in CollectorHost and maps at least one endpoint: no Map* that does nothing.</summary>
public sealed class CollectorHostMapTests
{
    /// <summary>The areas' <c>Map*(this WebApplication)</c> extension methods.</summary>
    private static IReadOnlyList<MethodInfo> AreaMaps() =>
    [
        .. CollectorContract.Assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsAbstract && t.IsSealed)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.Name.StartsWith("Map", StringComparison.Ordinal) && m.ReturnType == typeof(WebApplication)
                && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(WebApplication))
            .OrderBy(m => m.Name, StringComparer.Ordinal),
    ];

    [Fact]
    public void CollectorHost_lists_every_area_map()
    {
        var host = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "collector", "ATTT.Monitor.Collector", "Hosting", "CollectorHost.cs"));
        var maps = AreaMaps();

        Assert.True(maps.Count >= 6, $"found only {maps.Count} Map* methods: {string.Join(", ", maps.Select(m => m.Name))}");
        Assert.All(maps, m => Assert.Contains($"app.{m.Name}();", host, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_area_map_adds_at_least_one_endpoint()
    {
        using var data = new TempFolder("attt-maps");
        await using var app = CollectorHost.Build(new ServeOptions(data.Path, "http://127.0.0.1:0", null));
        var routes = (IEndpointRouteBuilder)app;
        Assert.True(routes.DataSources.Sum(s => s.Endpoints.Count) > 0);
        // The built app (never started) with its endpoints taken away: each Map* is then the only
        // one to add what it maps (MapRazorPages reuses a pages data source it finds).
        routes.DataSources.Clear();
        foreach (var map in AreaMaps())
        {
            var before = routes.DataSources.Sum(s => s.Endpoints.Count);
            map.Invoke(null, [app]);
            var added = routes.DataSources.Sum(s => s.Endpoints.Count) - before;

            Assert.True(added > 0, $"{map.DeclaringType!.Name}.{map.Name} maps no endpoint");
        }
    }
}
