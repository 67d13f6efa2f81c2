namespace ATTT.Monitor.Collector.Dashboard.Security;

/// <summary>
/// Adds the browser security headers at the very start of the pipeline, so every response (pages,
/// redirects, errors, assets) carries them. No inline script or style is allowed anywhere: event
/// content is attacker-controlled and the CSP is the second wall behind HTML encoding.
/// </summary>
internal sealed class SecurityHeadersStartupFilter : IStartupFilter
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return nextMiddleware(context);
        });
        next(app);
    };
}
