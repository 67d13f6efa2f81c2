using System.Net;

namespace ATTT.Monitor.Collector.Tests.Access.Support;

/// <summary>
/// What a request came to, as the matrix writes it (one letter per principal):
/// O the handler answered with success (2xx, or a redirect that is not to sign-in, forbidden or the password page);
/// R the handler ran (any other answer that is not an authorization refusal, e.g. 400 for a bad form, 404 for an unknown id, 409);
/// D denied: refused (403, redirect to /forbidden) or hidden (404: the target is in another unit);
/// F forbidden: refused (403, redirect to /forbidden), never hidden;
/// S sign in first (401, redirect to /signin);
/// P change the one-time password first (redirect to /account/password, or 403 with reason password_change_required).
/// A server error (5xx) is 'E', which no expectation accepts.
/// </summary>
internal static class MatrixOutcome
{
    public const string Letters = "ORDFSP";

    /// <summary>The letter an actual response is (one of O, R, F, S, P; 'H' for a 404, 'E' for a server error).</summary>
    public static async Task<char> ClassifyAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        if (status == 401 || (IsRedirect(status) && location.Contains("/signin", StringComparison.Ordinal)))
            return 'S';
        if (IsRedirect(status) && location.StartsWith("/account/password", StringComparison.Ordinal))
            return 'P';
        if (status == 403)
        {
            var body = await response.Content.ReadAsStringAsync();
            return body.Contains("\"password_change_required\"", StringComparison.Ordinal) ? 'P' : 'F';
        }

        if (IsRedirect(status) && location.Contains("/forbidden", StringComparison.Ordinal))
            return 'F';
        if (response.StatusCode == HttpStatusCode.NotFound)
            return 'H';
        if (status >= 500)
            return 'E';
        return status is >= 200 and < 400 ? 'O' : 'R';
    }

    /// <summary>True when <paramref name="actual"/> (from <see cref="ClassifyAsync"/>) is what <paramref name="expected"/> allows.</summary>
    public static bool Satisfies(char expected, char actual) => expected switch
    {
        'O' => actual == 'O',
        'R' => actual is 'O' or 'R' or 'H',
        'D' => actual is 'F' or 'H',
        _ => actual == expected,
    };

    private static bool IsRedirect(int status) => status is >= 300 and < 400;
}
