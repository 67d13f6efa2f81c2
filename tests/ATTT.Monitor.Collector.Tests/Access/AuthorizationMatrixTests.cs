using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ATTT.Monitor.Collector.Tests.Access.Support;
using ATTT.Monitor.Collector.Tests.Dashboard.Support;

namespace ATTT.Monitor.Collector.Tests.Access;

/// <summary>
/// Every endpoint and page handler of the running collector, under every kind of caller, against
/// <see cref="AuthorizationMatrix"/>: the collector's own endpoint list decides what must be covered.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_endpoint_and_page_handler_has_a_row_in_the_matrix()
    {
        await using var site = await AccessSite.StartAsync();
        var served = await EndpointInventory.ListAsync(site.Services);
        var rows = AuthorizationMatrix.Rows.Select(r => r.Key).ToList();

        Assert.Equal(rows.Count, rows.Distinct(StringComparer.Ordinal).Count());
        var missing = served.Except(rows, StringComparer.Ordinal).ToList();
        var stale = rows.Except(served, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0,
            $"endpoints without a matrix row: [{string.Join(", ", missing)}]; rows without an endpoint: [{string.Join(", ", stale)}]");
        Assert.All(AuthorizationMatrix.Rows, r =>
        {
            var letters = r.Expected.Replace(" ", "", StringComparison.Ordinal);
            Assert.True(letters.Length == AuthorizationMatrix.Principals.Count && letters.All(c => MatrixOutcome.Letters.Contains(c, StringComparison.Ordinal)),
                $"row {r.Key}: '{r.Expected}' is not one letter of {MatrixOutcome.Letters} per principal");
        });
    }

    [Fact]
    public async Task Every_caller_gets_the_outcome_the_matrix_expects()
    {
        await using var site = await AccessSite.StartAsync();
        var failures = new StringBuilder();
        for (var column = 0; column < AuthorizationMatrix.Principals.Count; column++)
        {
            var principal = AuthorizationMatrix.Principals[column];
            using var client = principal is null ? new DashboardClient(site.BaseAddress) : await site.SignInAsync(principal);
            var token = await AntiforgeryTokenAsync(client, principal is null ? "/signin" : "/account/password");
            foreach (var row in AuthorizationMatrix.Rows)
            {
                var expected = row.Expected.Replace(" ", "", StringComparison.Ordinal)[column];
                using var request = await BuildAsync(site, row, principal, token);
                using var response = await client.Http.SendAsync(request, Ct);
                var actual = await MatrixOutcome.ClassifyAsync(response);
                if (!MatrixOutcome.Satisfies(expected, actual))
                {
                    failures.Append(row.Key).Append(" as ").Append(principal ?? "(anonymous)")
                        .Append(": expected ").Append(expected).Append(", got ").Append(actual)
                        .Append(" (").Append((int)response.StatusCode).Append(' ').Append(response.Headers.Location?.OriginalString).Append(")\n");
                }
            }
        }

        Assert.True(failures.Length == 0, "\n" + failures);
    }

    private static async Task<HttpRequestMessage> BuildAsync(AccessSite site, MatrixRow row, string? principal, string token)
    {
        var path = await site.FillAsync(row.Path, principal);
        var request = new HttpRequestMessage(new HttpMethod(row.Method), path);
        switch (row.Kind)
        {
            case MatrixRequest.Form:
                var fields = new Dictionary<string, string>(StringComparer.Ordinal) { ["__csrf"] = token };
                foreach (var (name, value) in row.Fields ?? new Dictionary<string, string>())
                    fields[name] = await site.FillAsync(value, principal);
                request.Content = new FormUrlEncodedContent(fields);
                break;
            case MatrixRequest.Json:
                request.Content = new StringContent(row.Json ?? "{}", Encoding.UTF8, "application/json");
                break;
        }

        return request;
    }

    private static async Task<string> AntiforgeryTokenAsync(DashboardClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"no antiforgery token on {page}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__csrf\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
