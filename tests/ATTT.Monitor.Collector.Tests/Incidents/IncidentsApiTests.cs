using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ATTT.Monitor.Collector.Tests.Support;
using static ATTT.Monitor.Collector.Tests.Support.Hits;

namespace ATTT.Monitor.Collector.Tests.Incidents;

public sealed class IncidentsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Request(HttpMethod method, string path, string? user, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (user is not null)
            request.Headers.Add(TestUserAuthenticationHandler.Header, Uri.EscapeDataString(user));
        if (body is not null)
            request.Content = JsonContent.Create(body);
        return request;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(IncidentsApiHost host, HttpMethod method, string path, string? user, object? body = null)
    {
        using var response = await host.Client.SendAsync(Request(method, path, user, body), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task The_api_requires_a_dashboard_user_and_scopes_by_unit()
    {
        await using var host = await IncidentsApiHost.StartAsync();
        await host.Manager.RecordDetectionsAsync([Brute(1, T0), Brute(2, T0, unit: "phuong-khac")], Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(host, HttpMethod.Get, "/api/v1/incidents", null)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(host, HttpMethod.Get, "/api/v1/incidents", "no-unit")).Status);

        var (status, body) = await SendAsync(host, HttpMethod.Get, "/api/v1/incidents", "can-bo|xa-sang-moc");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, body.GetProperty("total").GetInt64());
        var item = body.GetProperty("items")[0];
        Assert.Equal("xa-sang-moc", item.GetProperty("unit").GetString());
        Assert.Equal("medium", item.GetProperty("severity").GetString());
        Assert.Equal("new", item.GetProperty("state").GetString());
        Assert.Equal(2, (await SendAsync(host, HttpMethod.Get, "/api/v1/incidents", "tinh|*")).Body.GetProperty("total").GetInt64());

        var other = (await SendAsync(host, HttpMethod.Get, "/api/v1/incidents?unit=phuong-khac", "tinh|*")).Body.GetProperty("items")[0].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(host, HttpMethod.Get, $"/api/v1/incidents/{other}", "can-bo|xa-sang-moc")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(host, HttpMethod.Post, $"/api/v1/incidents/{other}/comment", "can-bo|xa-sang-moc", new { text = "x" })).Status);
    }

    [Fact]
    public async Task A_viewer_reads_but_cannot_change_an_incident()
    {
        await using var host = await IncidentsApiHost.StartAsync();
        await host.Manager.RecordDetectionsAsync([Brute(1, T0)], Ct);
        const string viewer = "tinh-xem|*|viewer";
        var id = (await SendAsync(host, HttpMethod.Get, "/api/v1/incidents", viewer)).Body.GetProperty("items")[0].GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(host, HttpMethod.Get, $"/api/v1/incidents/{id}", viewer)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(host, HttpMethod.Post, $"/api/v1/incidents/{id}/assign", viewer, new { assignee = "x" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(host, HttpMethod.Post, $"/api/v1/incidents/{id}/comment", viewer, new { text = "x" })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(host, HttpMethod.Post, $"/api/v1/incidents/{id}/state", viewer, new { state = "closed" })).Status);

        var after = (await SendAsync(host, HttpMethod.Get, $"/api/v1/incidents/{id}", viewer)).Body;
        Assert.Equal("new", after.GetProperty("incident").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Filters_are_validated_and_applied()
    {
        await using var host = await IncidentsApiHost.StartAsync();
        await host.Manager.RecordDetectionsAsync([Brute(1, T0), Ransom(2, T0.AddHours(2))], Ct);
        const string user = "can-bo|xa-sang-moc";

        Assert.Equal(1, (await SendAsync(host, HttpMethod.Get, "/api/v1/incidents?severity=critical,high", user)).Body.GetProperty("total").GetInt64());
        Assert.Equal(2, (await SendAsync(host, HttpMethod.Get, "/api/v1/incidents?state=new&state=in_progress", user)).Body.GetProperty("total").GetInt64());
        Assert.Equal(1, (await SendAsync(host, HttpMethod.Get, "/api/v1/incidents?from=2026-11-27T03:00:00Z", user)).Body.GetProperty("total").GetInt64());
        var bad = await SendAsync(host, HttpMethod.Get, "/api/v1/incidents?state=open", user);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal("state", bad.Body.GetProperty("field").GetString());
        Assert.Equal("limit", (await SendAsync(host, HttpMethod.Get, "/api/v1/incidents?limit=-1", user)).Body.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Assign_comment_and_state_change_show_in_the_detail_timeline()
    {
        await using var host = await IncidentsApiHost.StartAsync();
        var id = (await host.Manager.RecordDetectionsAsync([Brute(1, T0)], Ct))[0].IncidentId;
        const string user = "Nguyễn Văn A|xa-sang-moc";

        Assert.Equal("Nguyễn Văn A", (await SendAsync(host, HttpMethod.Post, $"/api/v1/incidents/{id}/assign", user, new { assignee = "Nguyễn Văn A" })).Body.GetProperty("assignee").GetString());
        Assert.Equal("<b>đã xem</b>", (await SendAsync(host, HttpMethod.Post, $"/api/v1/incidents/{id}/comment", user, new { text = "<b>đã xem</b>" })).Body.GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(host, HttpMethod.Post, $"/api/v1/incidents/{id}/comment", user, new { text = "" })).Status);
        Assert.Equal("in_progress", (await SendAsync(host, HttpMethod.Post, $"/api/v1/incidents/{id}/state", user, new { state = "in_progress" })).Body.GetProperty("state").GetString());
        var conflict = await SendAsync(host, HttpMethod.Post, $"/api/v1/incidents/{id}/state", user, new { state = "new" });
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(host, HttpMethod.Post, $"/api/v1/incidents/{id}/state", user, new { state = "done" })).Status);

        var (status, detail) = await SendAsync(host, HttpMethod.Get, $"/api/v1/incidents/{id}", user);
        Assert.Equal(HttpStatusCode.OK, status);
        var actions = detail.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()).ToList();
        Assert.Equal(["opened", "assigned", "commented", "state_changed"], actions);
        Assert.Equal("Nguyễn Văn A", detail.GetProperty("timeline")[3].GetProperty("actor").GetString());
        Assert.Equal([1L], detail.GetProperty("matched_event_ids").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Contains("resolved", detail.GetProperty("allowed_states").EnumerateArray().Select(e => e.GetString()));
    }
}
