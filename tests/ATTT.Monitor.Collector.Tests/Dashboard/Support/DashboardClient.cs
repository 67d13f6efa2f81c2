using System.Net;
using System.Text.RegularExpressions;

namespace ATTT.Monitor.Collector.Tests.Dashboard.Support;

/// <summary>An HTTP client that behaves like a browser: keeps cookies, posts forms with their antiforgery token.</summary>
public sealed partial class DashboardClient : IDisposable
{
    private readonly HttpClientHandler _handler;

    public DashboardClient(Uri baseAddress)
    {
        _handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true };
        Http = new HttpClient(_handler) { BaseAddress = baseAddress };
    }

    public HttpClient Http { get; }
    public CookieContainer Cookies => _handler.CookieContainer;

    public async Task<HttpResponseMessage> SignInAsync(string userName, string password)
    {
        var response = await PostFormAsync("/signin", "/signin", new() { ["UserName"] = userName, ["Password"] = password });
        return response;
    }

    public Task<string> GetStringAsync(string path) => Http.GetStringAsync(path);

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path);

    /// <summary>Loads <paramref name="formPage"/>, takes its antiforgery token and posts <paramref name="fields"/> to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var html = await Http.GetStringAsync(formPage);
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"no antiforgery token on {formPage}");
        fields["__csrf"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await Http.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// A form's answer after a change (post/redirect/get): asserts the redirect to a dashboard page
    /// and reads that page, as the browser would, with the message the POST left for it.
    /// </summary>
    public async Task<string> ReadAfterRedirectAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect after the change, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/", location, StringComparison.Ordinal);
        return await Http.GetStringAsync(location);
    }

    public void Dispose()
    {
        Http.Dispose();
        _handler.Dispose();
    }

    [GeneratedRegex("name=\"__csrf\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
