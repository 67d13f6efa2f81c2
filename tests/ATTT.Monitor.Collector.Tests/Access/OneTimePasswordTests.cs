using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Tests.Access.Support;
using ATTT.Monitor.Collector.Tests.Dashboard.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Access;

/// <summary>Issue 21, item 2: a user still on a one-time password can do nothing but change it, API included.</summary>
public sealed class OneTimePasswordTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_api_refuses_a_one_time_password_session_with_the_reason_and_audits_nothing_as_theirs()
    {
        await using var site = await AccessSite.StartAsync();
        using var user = await site.SignInAsync(AccessSite.OneTimeA);
        var id = site.IncidentA;

        var requests = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, "/api/v1/incidents", null),
            (HttpMethod.Get, $"/api/v1/incidents/{id}", null),
            (HttpMethod.Get, "/api/v1/detection/status", null),
            (HttpMethod.Post, $"/api/v1/incidents/{id}/comment", new { text = "bình luận của người chưa đổi mật khẩu" }),
            (HttpMethod.Post, $"/api/v1/incidents/{id}/assign", new { assignee = AccessSite.OneTimeA }),
            (HttpMethod.Post, $"/api/v1/incidents/{id}/state", new { state = "closed" }),
        };
        foreach (var (method, path, body) in requests)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await user.Http.SendAsync(request, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} answered {(int)response.StatusCode}");
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            Assert.Equal("password_change_required", json.RootElement.GetProperty("reason").GetString());
            Assert.Contains("mật khẩu", json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        var detail = await site.Services.GetRequiredService<IIncidentService>().GetAsync(id, UnitScope.All, Ct);
        Assert.Empty(detail!.Comments);
        Assert.Equal(IncidentState.New, detail.Incident.State);
        Assert.Empty(await site.Audit.QueryAsync(new AuditQuery { Actor = AccessSite.OneTimeA }, Ct));
    }

    [Fact]
    public async Task Once_the_password_is_changed_the_api_answers()
    {
        await using var site = await AccessSite.StartAsync();
        using var user = await site.SignInAsync(AccessSite.OneTimeA);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/v1/incidents")).StatusCode);

        var changed = await user.PostFormAsync("/account/password", "/account/password", new()
        {
            ["current"] = DashboardServer.Password, ["new"] = "Mat-khau-rieng-cua-toi-2", ["confirm"] = "Mat-khau-rieng-cua-toi-2",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        using var response = await user.GetAsync("/api/v1/incidents");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt64());
    }
}
