using System.Net;
using System.Text.Json;
using ATTT.Monitor.Collector.Tests.Support;

namespace ATTT.Monitor.Collector.Tests.Detection;

public sealed class DetectionStatusApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_status_lists_rules_in_service_and_those_not_loaded_for_dashboard_users_only()
    {
        using var rules = new TempFolder();
        File.WriteAllText(Path.Combine(rules.Path, "failed.yml"), TestRules.FailedLogon());
        File.WriteAllText(Path.Combine(rules.Path, "broken.yml"), TestRules.Broken);
        await using var host = await IncidentsApiHost.StartAsync(rulesFolder: rules.Path);

        using (var anonymous = await host.Client.GetAsync("/api/v1/detection/status", Ct))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/detection/status");
        request.Headers.Add(TestUserAuthenticationHandler.Header, "tinh|*");
        using var response = await host.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var root = doc.RootElement;
        Assert.Equal(TestRules.FailedLogonId, Assert.Single(root.GetProperty("rules").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(1, root.GetProperty("invalid").GetInt32());
        Assert.Contains("broken.yml", Assert.Single(root.GetProperty("diagnostics").EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.Equal(0, root.GetProperty("pipeline").GetProperty("checkpoint").GetInt64());
    }
}
