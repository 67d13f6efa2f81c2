using System.Globalization;
using System.Net;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;
using Microsoft.Playwright;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard;

/// <summary>
/// The rules page with an installed SigmaHQ pack, in the browser: the pack line with its date and
/// counts, search, the level/status/tactic/pack filters, paging that keeps the filters, and the tuning
/// forms (province administrators for every unit, a commune's administrator for its own unit only,
/// no form for an officer).
/// </summary>
public sealed class RulesPageTests(InstalledPackFixture fixture) : IClassFixture<InstalledPackFixture>
{
    private const int PageSize = 50;

    private IReadOnlyList<LoadedRule> InService => fixture.Catalog.Status.Rules;

    private static string Showing(int shown, int matching, int page) =>
        $"Hiển thị {shown} trong {matching} luật phù hợp (trang {page}/{Math.Max(1, (matching + PageSize - 1) / PageSize)}).";

    [Fact]
    public async Task The_pack_line_shows_the_installed_pack_with_its_date_and_its_counts_by_status_and_level()
    {
        var manifest = fixture.Catalog.Status.Pack!.Manifest;
        var page = await fixture.SignInAsync("xem");
        await page.GotoAsync("/rules");

        await Assertions.Expect(page.Locator("#pack-name")).ToHaveTextAsync(InstalledPackFixture.PackName);
        await Assertions.Expect(page.Locator("#pack-date")).ToHaveTextAsync(InstalledPackFixture.PackDate);
        var pack = page.Locator("#pack");
        await Assertions.Expect(pack.Locator("dt:text-is('Đã nạp') + dd")).ToHaveTextAsync(manifest.Loaded.ToString(CultureInfo.InvariantCulture));
        Assert.True(manifest.Loaded > 150, $"the Security and System rules of ../shared/sigma load ({manifest.Loaded})");

        // Each status and level of the manifest with its count, in Vietnamese.
        var rows = await page.Locator("#pack-counts tbody tr").AllAsync();
        var cells = new List<(string Label, string Count)>();
        foreach (var row in rows)
        {
            var texts = await row.Locator("td").AllInnerTextsAsync();
            cells.Add((texts[0], texts[1]));
            cells.Add((texts[2], texts[3]));
        }

        Assert.Contains(("Ổn định", manifest.ByStatus["stable"].ToString(CultureInfo.InvariantCulture)), cells);
        Assert.Contains(("Thử nghiệm", manifest.ByStatus["test"].ToString(CultureInfo.InvariantCulture)), cells);
        Assert.Contains(("Thông tin", manifest.ByLevel["informational"].ToString(CultureInfo.InvariantCulture)), cells);
        Assert.Equal(manifest.ByStatus.Count + manifest.ByLevel.Count, cells.Count(c => c.Label.Length > 0));
        Assert.Equal(manifest.Loaded, manifest.ByStatus.Values.Sum());

        var packRules = InService.Count(r => r.Pack == InstalledPackFixture.PackName);
        await Assertions.Expect(pack).ToContainTextAsync($"Hồ sơ core+: {packRules} luật của gói đang hoạt động");
        await Assertions.Expect(pack).ToContainTextAsync("Security");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task Search_filters_and_paging_list_exactly_the_matching_rules_and_paging_keeps_the_filters()
    {
        var page = await fixture.SignInAsync("xem");
        await page.GotoAsync("/rules");
        var all = InService;
        Assert.True(all.Count > 2 * PageSize, $"more than two pages of rules in service ({all.Count})");
        var count = page.Locator("#rule-count");
        await Assertions.Expect(count).ToHaveTextAsync(Showing(PageSize, all.Count, 1));
        var firstPage = await TitlesAsync(page);

        await page.Locator(".pager a[rel='next']").ClickAsync();
        await Assertions.Expect(count).ToHaveTextAsync(Showing(PageSize, all.Count, 2));
        var secondPage = await TitlesAsync(page);
        Assert.Empty(firstPage.Intersect(secondPage));
        await page.Locator(".pager a[rel='prev']").ClickAsync();
        await Assertions.Expect(count).ToHaveTextAsync(Showing(PageSize, all.Count, 1));

        // A word of the title: every rule whose title, id or tags hold it, and no other.
        await page.GetByLabel("Tìm theo tên, mã hoặc nhãn").FillAsync("kerberos");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc", Exact = true }).ClickAsync();
        var kerberos = all.Where(r => Holds(r, "kerberos")).Select(r => r.Title).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(kerberos);
        await Assertions.Expect(count).ToHaveTextAsync(Showing(kerberos.Count, kerberos.Count, 1));
        Assert.Equal(kerberos, (await TitlesAsync(page)).Order(StringComparer.Ordinal));

        // An id finds its one rule.
        var one = all.First(r => r.Pack == InstalledPackFixture.PackName);
        await page.GetByLabel("Tìm theo tên, mã hoặc nhãn").FillAsync(one.Id);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc", Exact = true }).ClickAsync();
        Assert.Equal([one.Title], await TitlesAsync(page));

        // Level: every row shows the chosen level's word, and the count is the catalog's.
        await page.GetByLabel("Tìm theo tên, mã hoặc nhãn").FillAsync("");
        await page.Locator("#level").SelectOptionAsync("critical");
        var critical = await page.Locator("#level option[value='critical']").InnerTextAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc", Exact = true }).ClickAsync();
        var criticalCount = all.Count(r => r.Level == "critical");
        await Assertions.Expect(count).ToHaveTextAsync(Showing(Math.Min(PageSize, criticalCount), criticalCount, 1));
        Assert.All(await page.Locator("#rules tbody tr td:nth-child(2)").AllInnerTextsAsync(), t => Assert.Equal(critical, t));

        // Status over more than one page: the next page keeps the filter.
        await page.Locator("#level").SelectOptionAsync("");
        await page.GetByLabel("Trạng thái luật").SelectOptionAsync("test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc", Exact = true }).ClickAsync();
        var test = all.Count(r => r.Status == "test");
        Assert.True(test > PageSize, $"more than a page of test rules ({test})");
        await Assertions.Expect(count).ToHaveTextAsync(Showing(PageSize, test, 1));
        await page.Locator(".pager a[rel='next']").ClickAsync();
        await Assertions.Expect(count).ToHaveTextAsync(Showing(Math.Min(PageSize, test - PageSize), test, 2));
        Assert.Contains("status=test", page.Url, StringComparison.Ordinal);
        Assert.All(await page.Locator("#rules tbody tr td:nth-child(3)").AllInnerTextsAsync(), t => Assert.Equal("Thử nghiệm", t));

        // Status and tactic together (ATT&CK's tactic names, from the attack.* tags).
        await page.GetByLabel("Chiến thuật ATT&CK").SelectOptionAsync("persistence");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc", Exact = true }).ClickAsync();
        var persistence = all.Where(r => r.Status == "test" && r.Tags.Contains("attack.persistence", StringComparer.OrdinalIgnoreCase))
            .Select(r => r.Title).Order(StringComparer.Ordinal).ToList();
        Assert.InRange(persistence.Count, 1, PageSize);
        await Assertions.Expect(count).ToHaveTextAsync(Showing(persistence.Count, persistence.Count, 1));
        Assert.Equal(persistence, (await TitlesAsync(page)).Order(StringComparer.Ordinal));

        // Pack "rules": the product's own rules only.
        await page.GotoAsync("/rules");
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Gói luật", Exact = true }).SelectOptionAsync(RuleCatalog.ProductPackName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc", Exact = true }).ClickAsync();
        Assert.Equal(all.Where(r => r.Pack == RuleCatalog.ProductPackName).Select(r => r.Title).Order(StringComparer.Ordinal), (await TitlesAsync(page)).Order(StringComparer.Ordinal));
        Assert.All(await page.Locator("#rules tbody tr td:nth-child(4)").AllInnerTextsAsync(), t => Assert.Equal(RuleCatalog.ProductPackName, t));
    }

    [Fact]
    public async Task The_province_administrator_marks_a_rule_noisy_and_tunes_a_level_and_the_collector_reloads()
    {
        var rule = InService.First(r => r.Pack == InstalledPackFixture.PackName && r.Level == "high");
        var page = await fixture.SignInAsync("admin");
        await page.GotoAsync("/rules");

        await page.Locator("#noisy-rule").FillAsync(rule.Id);
        await page.Locator("#noisy-reason").FillAsync("Máy chủ in báo lỗi liên tục");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đưa vào danh sách gây nhiễu" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã đưa luật vào danh sách gây nhiễu; bộ luật đã được nạp lại.");
        await Assertions.Expect(page.Locator("#noisy")).ToContainTextAsync(rule.Id);
        await Assertions.Expect(page.Locator("#noisy")).ToContainTextAsync("Máy chủ in báo lỗi liên tục");
        Assert.DoesNotContain(InService, r => r.Id == rule.Id);
        await page.GetByLabel("Tìm theo tên, mã hoặc nhãn").FillAsync(rule.Id);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#rules tbody tr")).ToHaveCountAsync(0);

        await page.GotoAsync("/rules");
        await page.Locator("#noisy").GetByRole(AriaRole.Button, new() { Name = "Bật lại" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã bỏ luật khỏi danh sách gây nhiễu; bộ luật đã được nạp lại.");
        Assert.Contains(InService, r => r.Id == rule.Id);

        await SetLevelAsync(page, rule.Id, DashboardSite.CommuneB, "low");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu mức độ; bộ luật đã được nạp lại.");
        var tuned = page.Locator("#level-tuning tbody tr", new() { HasText = DashboardSite.CommuneB });
        await Assertions.Expect(tuned).ToContainTextAsync(rule.Id);
        await Assertions.Expect(tuned).ToContainTextAsync("admin");
        await Assertions.Expect(tuned.Locator("td:nth-child(3)")).ToHaveTextAsync(await page.Locator("#level-level option[value='low']").InnerTextAsync());
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task A_commune_administrator_tunes_its_own_unit_only_and_an_officer_has_no_tuning_form()
    {
        var rule = InService.First(r => r.Pack == InstalledPackFixture.PackName && r.Level == "medium");
        var page = await fixture.SignInAsync(InstalledPackFixture.CommuneAdmin);
        await page.GotoAsync("/rules");

        await SetLevelAsync(page, rule.Id, DashboardSite.CommuneA, "high");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lưu mức độ; bộ luật đã được nạp lại.");
        await Assertions.Expect(page.Locator("#level-tuning tbody tr", new() { HasText = DashboardSite.CommuneA })).ToContainTextAsync(rule.Id);

        foreach (var unit in new[] { DashboardSite.CommuneB, "" })
        {
            await page.GotoAsync("/rules");
            var refused = await page.RunAndWaitForResponseAsync(() => SetLevelAsync(page, rule.Id, unit, "critical"),
                r => r.Request.Method == "POST" && r.Url.Contains("/rules", StringComparison.Ordinal));
            Assert.Equal((int)HttpStatusCode.Redirect, refused.Status);
            Assert.Contains("/forbidden", await refused.HeaderValueAsync("location") ?? "", StringComparison.Ordinal);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Không có quyền");
        }

        Assert.DoesNotContain(fixture.Catalog.Status.Tuning.Levels, l => l.RuleId == rule.Id && l.Unit != DashboardSite.CommuneA);

        var officer = await fixture.SignInAsync("canbo.a");
        await officer.GotoAsync("/rules");
        await Assertions.Expect(officer.Locator("#tuning")).ToBeVisibleAsync();
        await Assertions.Expect(officer.Locator("#set-level")).ToHaveCountAsync(0);
        await Assertions.Expect(officer.Locator("#add-noisy")).ToHaveCountAsync(0);
    }

    private static async Task SetLevelAsync(IPage page, string ruleId, string unit, string level)
    {
        await page.Locator("#level-rule").FillAsync(ruleId);
        await page.Locator("#level-unit").FillAsync(unit);
        await page.Locator("#level-level").SelectOptionAsync(level);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu mức độ" }).ClickAsync();
    }

    private static bool Holds(LoadedRule rule, string word) =>
        rule.Title.Contains(word, StringComparison.OrdinalIgnoreCase) || rule.Id.Contains(word, StringComparison.OrdinalIgnoreCase)
        || rule.Tags.Any(t => t.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static async Task<IReadOnlyList<string>> TitlesAsync(IPage page) =>
        await page.Locator("#rules tbody tr td:first-child a").AllInnerTextsAsync();
}
