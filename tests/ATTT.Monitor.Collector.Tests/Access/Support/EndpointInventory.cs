using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Access.Support;

/// <summary>
/// Every request a running collector answers, as "METHOD /route" for an endpoint and
/// "METHOD /route ?handler=Name" for a Razor page handler, read from ASP.NET Core's own endpoint list
/// (<see cref="EndpointDataSource"/>) and from each page's compiled handler methods.
/// </summary>
internal static class EndpointInventory
{
    public static async Task<IReadOnlyList<string>> ListAsync(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints;
        var loader = services.GetRequiredService<PageLoader>();
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                if (compiled.HandlerMethods.Count == 0)
                    keys.Add(Key("GET", route, null));
                foreach (var handler in compiled.HandlerMethods)
                    keys.Add(Key(handler.HttpMethod.ToUpperInvariant(), route, handler.Name));
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"];
            foreach (var method in methods)
                keys.Add(Key(method, route, null));
        }

        return keys.ToList();
    }

    public static string Key(string method, string route, string? handler) =>
        handler is null ? $"{method} {route}" : $"{method} {route} ?handler={handler}";
}
