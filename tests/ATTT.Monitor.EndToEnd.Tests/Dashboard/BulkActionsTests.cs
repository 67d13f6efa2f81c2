using System.Globalization;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Audit;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard;

/// <summary>
/// Bulk work on the incidents the detection pipeline opened from the samples: ticked incidents or
/// all that match the filter, a partial failure listed with its reason, every change audited once,
/// shown after a reload, and never repeated by one.
/// </summary>
[Collection(DeskCollection.Name)]
public sealed class BulkActionsTests(DeskSiteFixture fixture)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private IIncidentService Incidents => fixture.Site.App.Services.GetRequiredService<IIncidentService>();

    private async Task<int> AuditedAsync(long id, string action) =>
        (await fixture.Site.App.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Area = "incidents", Target = $"incident:{id}", Limit = 1000 }, Ct))
            .Count(a => a.Action == action);

    /// <summary>The ids of the incidents listed on the page whose state column reads <paramref name="state"/>.</summary>
    private static async Task<List<long>> ListedAsync(IPage page, string state) =>
        [.. (await page.EvaluateAsync<string[][]>("() => [...document.querySelectorAll('#bulk-form tbody tr')].map(tr => [tr.querySelector('input[name=ids]').value, tr.children[7].textContent.trim()])"))
            .Where(r => r[1] == state).Select(r => long.Parse(r[0], CultureInfo.InvariantCulture))];

    private static async Task ApplyAsync(IPage page, string action, string scope, string? assignee = null, string? state = null, string? note = null)
    {
        await page.GetByLabel("Thao tác").SelectOptionAsync(action);
        if (assignee is not null)
            await page.GetByLabel("Người xử lý (để trống: bỏ giao)").FillAsync(assignee);
        if (state is not null)
            await page.GetByLabel("Trạng thái mới").SelectOptionAsync(state);
        if (note is not null)
            await page.GetByLabel("Ghi chú (bắt buộc khi thêm ghi chú)").FillAsync(note);
        var button = scope == "selected"
            ? page.GetByRole(AriaRole.Button, new() { Name = "Áp dụng cho các sự cố đã chọn" })
            : page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Áp dụng cho cả \\d+ sự cố khớp bộ lọc$") });
        await button.ClickAsync();
        await Assertions.Expect(page.Locator("#bulk-result")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Two_ticked_incidents_are_assigned_moved_and_commented_and_a_reload_repeats_nothing()
    {
        var page = await fixture.SignInAsync("canbo.a");
        await page.GotoAsync("/incidents");
        var picked = (await ListedAsync(page, "Mới")).Take(2).ToList();
        Assert.Equal(2, picked.Count);
        // Another test of this collection may have worked on them already: count what this one adds.
        var commentsBefore = new Dictionary<long, int>();
        var assignedBefore = new Dictionary<long, int>();
        foreach (var id in picked)
        {
            commentsBefore[id] = await AuditedAsync(id, "commented");
            assignedBefore[id] = await AuditedAsync(id, "assigned");
        }

        foreach (var id in picked)
            await page.GetByLabel($"Chọn sự cố số {id}", new() { Exact = true }).CheckAsync();
        await ApplyAsync(page, "assign", "selected", assignee: "canbo.a");
        await Assertions.Expect(page.Locator("#bulk-result")).ToHaveTextAsync("Giao cho người xử lý: đã thay đổi 2 sự cố, không thay đổi được 0 sự cố.");

        foreach (var id in picked)
            await page.GetByLabel($"Chọn sự cố số {id}", new() { Exact = true }).CheckAsync();
        await ApplyAsync(page, "state", "selected", state: "in_progress", note: "Đang kiểm tra hai máy.");
        await Assertions.Expect(page.Locator("#bulk-result")).ToContainTextAsync("Đổi trạng thái: đã thay đổi 2 sự cố");

        foreach (var id in picked)
            await page.GetByLabel($"Chọn sự cố số {id}", new() { Exact = true }).CheckAsync();
        await ApplyAsync(page, "comment", "selected", note: "Đã báo Công an tỉnh qua điện thoại.");
        await Assertions.Expect(page.Locator("#bulk-result")).ToContainTextAsync("Thêm ghi chú: đã thay đổi 2 sự cố");
        await Screenshots.SaveAsync(page, "22-xu-ly-hang-loat");

        for (var reload = 0; reload < 2; reload++)
        {
            var response = await page.ReloadAsync();
            Assert.Equal("GET", response!.Request.Method);
        }

        foreach (var id in picked)
        {
            var row = page.Locator("#bulk-form tbody tr").Filter(new() { Has = page.Locator($"#pick-{id}") });
            await Assertions.Expect(row).ToContainTextAsync("Đang xử lý");
            await Assertions.Expect(row).ToContainTextAsync("canbo.a");
            var detail = (await Incidents.GetAsync(id, UnitScope.All, Ct))!;
            Assert.Equal(IncidentState.InProgress, detail.Incident.State);
            Assert.Equal("canbo.a", detail.Incident.Assignee);
            Assert.Single(detail.Comments, c => c.Text == "Đã báo Công an tỉnh qua điện thoại.");
            Assert.Equal(commentsBefore[id] + 1, await AuditedAsync(id, "commented"));
            Assert.Equal(assignedBefore[id] + 1, await AuditedAsync(id, "assigned"));
        }
    }

    [Fact]
    public async Task All_incidents_matching_the_filter_get_the_comment_and_no_other()
    {
        var open = (await Incidents.QueryAsync(new IncidentQuery { Unit = DashboardSite.CommuneA, States = [IncidentState.New, IncidentState.InProgress], Limit = 500 }, UnitScope.All, Ct)).Items;
        var host = open.GroupBy(i => i.Host).OrderByDescending(g => g.Count()).First().Key;
        var matching = open.Where(i => string.Equals(i.Host, host, StringComparison.OrdinalIgnoreCase)).Select(i => i.Id).ToHashSet();
        var others = open.Select(i => i.Id).Except(matching).ToList();
        Assert.NotEmpty(others);

        var page = await fixture.SignInAsync("canbo.a");
        await page.GotoAsync("/incidents?host=" + Uri.EscapeDataString(host));
        await ApplyAsync(page, "comment", "filter", note: "Rà soát toàn bộ máy " + host);
        await Assertions.Expect(page.Locator("#bulk-result")).ToHaveTextAsync($"Thêm ghi chú: đã thay đổi {matching.Count} sự cố, không thay đổi được 0 sự cố.");
        await page.ReloadAsync();

        foreach (var id in matching)
            Assert.Single((await Incidents.GetAsync(id, UnitScope.All, Ct))!.Comments, c => c.Text == "Rà soát toàn bộ máy " + host);
        foreach (var id in others)
            Assert.DoesNotContain((await Incidents.GetAsync(id, UnitScope.All, Ct))!.Comments, c => c.Text.StartsWith("Rà soát toàn bộ máy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_partial_failure_is_listed_with_its_reason_and_the_rest_still_changes()
    {
        var page = await fixture.SignInAsync("canbo.a");
        await page.GotoAsync("/incidents?state=new");
        var picked = (await ListedAsync(page, "Mới")).TakeLast(2).ToList();
        Assert.Equal(2, picked.Count);
        // Meanwhile another officer resolves the first one from its own page.
        await Incidents.ChangeStateAsync(picked[0], IncidentState.Resolved, null, "canbo.khac", UnitScope.All, Ct);

        foreach (var id in picked)
            await page.GetByLabel($"Chọn sự cố số {id}", new() { Exact = true }).CheckAsync();
        await ApplyAsync(page, "state", "selected", state: "resolved");
        var result = page.Locator("#bulk-result");
        await Assertions.Expect(result).ToContainTextAsync("Đổi trạng thái: đã thay đổi 1 sự cố, không thay đổi được 1 sự cố.");
        await Assertions.Expect(result.Locator("li")).ToHaveCountAsync(1);
        await Assertions.Expect(result.Locator("li")).ToContainTextAsync($"Sự cố số {picked[0]}: Không thể chuyển sự cố từ \"đã khắc phục\" sang \"đã khắc phục\"");
        await Assertions.Expect(result.Locator($"li a[href='/incidents/{picked[0]}']")).ToHaveCountAsync(1);
        await Assertions.Expect(result).Not.ToContainTextAsync("cannot go from");
        await Screenshots.SaveAsync(page, "23-xu-ly-hang-loat-loi-mot-phan");

        Assert.Equal(IncidentState.Resolved, (await Incidents.GetAsync(picked[1], UnitScope.All, Ct))!.Incident.State);
        await page.ReloadAsync();
        Assert.Equal(1, await AuditedAsync(picked[1], "state_changed"));
        Assert.Equal(1, await AuditedAsync(picked[0], "state_changed"));
    }
}
