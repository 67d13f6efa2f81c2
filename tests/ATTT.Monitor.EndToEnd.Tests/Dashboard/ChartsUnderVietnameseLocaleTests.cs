using System.Globalization;
using System.Text.RegularExpressions;
using ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;
using ATTT.Monitor.EndToEnd.Tests.Support;
using Microsoft.Playwright;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard;

/// <summary>
/// <c>attt serve</c> as its own process under a Vietnamese locale (LANG and LC_ALL vi_VN.UTF-8: .NET
/// then formats with vi-VN, which writes 1,5 and 8.255), fed every attack sample by an enrolled agent.
/// The charts' SVG numbers stay invariant (SVG reads no decimal comma) while the numbers in the text
/// are written the Vietnamese way.
/// </summary>
public sealed partial class ChartsUnderVietnameseLocaleTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly Dictionary<string, string> VietnameseLocale = new() { ["LANG"] = "vi_VN.UTF-8", ["LC_ALL"] = "vi_VN.UTF-8" };

    // Every numeric attribute of every SVG element, as written by the server (viewBox split on spaces).
    private const string SvgNumbers = """
        () => [...document.querySelectorAll('svg, svg *')].flatMap(el =>
            [...el.attributes].filter(a => ['viewBox', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'width', 'height', 'font-size', 'stroke-width', 'data-value'].includes(a.name))
                .flatMap(a => a.name === 'viewBox' ? a.value.split(' ').map(v => 'viewBox=' + v) : [a.name + '=' + a.value]))
        """;

    [GeneratedRegex(@"^[a-zA-Z0-9-]+=(-?\d+(\.\d+)?|100%)$")]
    private static partial Regex InvariantAttribute();

    [GeneratedRegex(@"một lần / one-time password: (\S+)")]
    private static partial Regex OneTimePassword();

    [Fact]
    public async Task Charts_write_invariant_svg_numbers_and_vietnamese_text_numbers_under_a_vi_VN_locale()
    {
        await using var browser = await Browser.LaunchAsync();
        using var data = new TempFolder("attt-e2e-vi-locale");
        await using var collector = await CollectorProcess.StartAsync(data.Path, environment: VietnameseLocale);
        var password = (await Eventually.ValueAsync(() => Task.FromResult(OneTimePassword().Match(collector.Output)), m => m.Success,
            $"the first administrator's one-time password (output:\n{collector.Output})")).Groups[1].Value;

        var code = await AtttExecutable.RunCollectorCommandAsync("agents", "enroll-code", "--data", data.Path, "--unit", "xa-sang-moc");
        Assert.True(code.ExitCode == 0, code.StandardError);
        using var agent = await AgentHttpClient.EnrollAsync(collector.BaseAddress, code.LastLine, "PC-KETOAN-01", Ct);
        var samples = SampleEvents.Load(20_000);
        Assert.True(samples.Count > 1000, $"only {samples.Count} sample events");
        var sequence = 0;
        foreach (var chunk in samples.Chunk(1000))
        {
            var (status, ack) = await agent.PostAsync(agent.Batch(++sequence, chunk), Ct);
            Assert.True(ack is { Accepted: > 0 }, $"batch {sequence} answered {status}; log:\n{collector.Log}");
        }

        var page = await browser.NewPageAsync(collector.BaseAddress);
        await page.GotoAsync("/signin");
        await page.GetByLabel("Tên đăng nhập").FillAsync("admin");
        await page.GetByLabel("Mật khẩu").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.Locator("#Current").FillAsync(password);
        await page.Locator("#New").FillAsync(DashboardSite.Password);
        await page.Locator("#Confirm").FillAsync(DashboardSite.Password);
        await page.Locator("form button[type=submit].primary").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tổng quan", Level = 1 })).ToBeVisibleAsync();

        // The events of this hour: every sample, counted as 8.255 (dot grouping), in the chart's caption and its bar's title.
        var total = samples.Count.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));
        Assert.Contains(".", total, StringComparison.Ordinal);
        var eventsChart = page.Locator("figure.chart").First;
        await Eventually.UntilAsync(async () =>
        {
            await page.ReloadAsync();
            return (await eventsChart.Locator("figcaption").TextContentAsync())!.Contains("Tổng: " + total, StringComparison.Ordinal);
        }, $"the events chart to count {total} (log:\n{collector.Log})");
        // Each bar's title says its count as Vietnamese write it; the samples arrived within an hour or two, so one bar is in the thousands.
        var bars = await eventsChart.Locator("rect").EvaluateAllAsync<string[][]>("rs => rs.map(r => [r.getAttribute('data-value'), r.querySelector('title').textContent])");
        Assert.Contains(bars, b => long.Parse(b[0], CultureInfo.InvariantCulture) >= 1000);
        Assert.All(bars, b => Assert.EndsWith(": " + long.Parse(b[0], CultureInfo.InvariantCulture).ToString("N0", CultureInfo.GetCultureInfo("vi-VN")), b[1], StringComparison.Ordinal));
        await Assertions.Expect(eventsChart.Locator("svg")).ToHaveAttributeAsync("aria-label", new Regex("Tổng: " + Regex.Escape(total) + "$"));
        // The detection pipeline opened incidents today: the incidents chart counts them by detection time.
        await Eventually.UntilAsync(async () =>
        {
            await page.ReloadAsync();
            return !(await page.Locator("figure.chart").Nth(1).Locator("figcaption").TextContentAsync())!.EndsWith("Tổng: 0", StringComparison.Ordinal);
        }, $"the incidents chart to count the samples' incidents (log:\n{collector.Log})");
        await Screenshots.SaveAsync(page, "25-bieu-do-vi-VN");

        var findings = new List<string>();
        foreach (var path in new[] { "/", "/rules", "/rules?page=2" })
        {
            await page.GotoAsync(path);
            var numbers = await page.EvaluateAsync<string[]>(SvgNumbers);
            Assert.True(path != "/" || numbers.Length > 50, $"{path}: only {numbers.Length} SVG numbers");
            findings.AddRange(numbers.Where(n => !InvariantAttribute().IsMatch(n)).Select(n => $"{path}: {n}"));
            // A bar chart's bars are laid out as the browser reads them: no bar of 0 width where the server meant one.
            var widths = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('figure.chart rect')].map(r => r.width.baseVal.value)");
            Assert.All(widths, w => Assert.True(w > 0, $"{path}: a bar the browser reads as {w} wide"));
        }

        Assert.True(findings.Count == 0, "SVG numbers not in the invariant form:\n" + string.Join('\n', findings));
        Assert.False(collector.HasExited, collector.Log);
    }
}
