using System.Text.Encodings.Web;
using ATTT.Monitor.Collector.Dashboard.Localization;

namespace ATTT.Monitor.Collector.Dashboard;

/// <summary>
/// A short page in the user's language for error statuses that have no body (404 of an incident in
/// another unit, a refused form). Written directly rather than re-executed, because routing has
/// already run by the time the dashboard's middleware sees the status.
/// </summary>
internal static class StatusPages
{
    public static async Task WriteAsync(HttpContext context)
    {
        var key = context.Response.StatusCode switch { 404 => "Status.NotFound", 400 => "Status.BadRequest", _ => "Status.Error" };
        var text = context.RequestServices.GetRequiredService<DashboardText>();
        var html = HtmlEncoder.Default;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{text.Language}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{html.Encode(text[key])} · ATTT Monitor</title><link rel="stylesheet" href="/assets/site.css"></head>
            <body><main id="main"><h1>{html.Encode(text[key])}</h1><p>{html.Encode(text[key + ".Text"])}</p><p><a href="/">{html.Encode(text["Nav.Overview"])}</a></p></main></body>
            </html>
            """);
    }
}
