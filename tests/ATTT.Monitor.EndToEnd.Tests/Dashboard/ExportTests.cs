using System.Globalization;
using System.Text;
using System.Text.Json;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.EndToEnd.Tests.Dashboard.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ATTT.Monitor.EndToEnd.Tests.Dashboard;

/// <summary>
/// The incident list's CSV and JSON exports, downloaded by the browser and read back: the same
/// incidents as the filtered list (all its pages), UTF-8 with a BOM for Excel, Vietnamese intact,
/// and the PC names an attacker wrote as formulas made inert.
/// </summary>
[Collection(DeskCollection.Name)]
public sealed class ExportTests(DeskSiteFixture fixture)
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private const string Filter = "/incidents?state=all";

    /// <summary>The incident ids the list shows for its filter, page after page.</summary>
    private static async Task<List<long>> ListedAsync(IPage page)
    {
        var ids = new List<long>();
        while (true)
        {
            ids.AddRange((await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#bulk-form tbody tr input[name=ids]')].map(i => i.value)"))
                .Select(v => long.Parse(v, CultureInfo.InvariantCulture)));
            var next = page.GetByRole(AriaRole.Link, new() { Name = "Trang sau →" });
            if (await next.CountAsync() == 0)
                return ids;
            var url = page.Url;
            await next.ClickAsync();
            await Assertions.Expect(page).Not.ToHaveURLAsync(url);
        }
    }

    private static async Task<byte[]> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());
        return await File.ReadAllBytesAsync((await download.PathAsync())!, Ct);
    }

    [Fact]
    public async Task Csv_and_json_hold_the_filtered_incidents_with_vietnamese_intact_and_formulas_inert()
    {
        var page = await fixture.SignInAsync("canbo.a");
        await page.GotoAsync(Filter);
        var csvBytes = await DownloadAsync(page, "Tải CSV (Excel)");
        var jsonBytes = await DownloadAsync(page, "Tải JSON");
        var listed = await ListedAsync(page);
        var incidents = (await fixture.Site.App.Services.GetRequiredService<IIncidentService>()
            .QueryAsync(new IncidentQuery { Unit = DashboardSite.CommuneA, States = null, Limit = 1000 }, UnitScope.All, Ct)).Items;
        Assert.True(listed.Count > IndexPageSize, $"the filter lists {listed.Count} incidents, not more than one page");
        Assert.Equal(incidents.Select(i => i.Id).Order(), listed.Order());

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csvBytes[..3]);
        var csv = CsvRecords.Parse(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(csvBytes[3..]));
        var header = csv[0];
        Assert.Equal(["Số sự cố", "Mức độ", "Sự cố"], header.Take(3));
        Assert.Contains("Lần đầu ghi nhận", header);
        Assert.All(csv, r => Assert.Equal(header.Count, r.Count));
        var rows = csv.Skip(1).ToDictionary(r => long.Parse(r[0], CultureInfo.InvariantCulture));
        Assert.Equal(listed.Order(), rows.Keys.Order());
        var hostColumn = header.IndexOf("Tên máy");
        Assert.True(hostColumn >= 0, string.Join(",", header));
        foreach (var incident in incidents)
        {
            var row = rows[incident.Id];
            Assert.Equal(incident.Title, row[2]);
            Assert.Equal(IncidentText.ToVietnamese(incident.Severity), row[1], ignoreCase: true);
            // A cell a spreadsheet would run starts with a quote mark, and reads as written after it.
            Assert.Equal(incident.Host[0] is '=' or '+' or '-' or '@' ? "'" + incident.Host : incident.Host, row[hostColumn]);
        }

        var formulaHosts = incidents.Select(i => i.Host).Intersect(DeskSiteFixture.FormulaHosts).ToList();
        Assert.Equal(DeskSiteFixture.FormulaHosts.Order(), formulaHosts.Order());
        Assert.DoesNotContain(csv.Skip(1).SelectMany(r => r), cell => cell.Length > 0 && cell[0] is '=' or '+' or '@' || (cell.StartsWith('-') && !double.TryParse(cell, CultureInfo.InvariantCulture, out _)));
        Assert.Contains(csv.Skip(1), r => r[2] == "Nhật ký bảo mật bị xóa");

        var jsonText = Encoding.UTF8.GetString(jsonBytes);
        Assert.Contains("Nhật ký bảo mật bị xóa", jsonText, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(jsonBytes);
        var exported = json.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("id").GetInt64());
        Assert.Equal(listed.Order(), exported.Keys.Order());
        foreach (var incident in incidents)
        {
            Assert.Equal(incident.Title, exported[incident.Id].GetProperty("title").GetString());
            Assert.Equal(incident.Host, exported[incident.Id].GetProperty("host").GetString());
            Assert.Equal(incident.Severity.ToText(), exported[incident.Id].GetProperty("severity").GetString());
        }
    }

    private const int IndexPageSize = 25;
}
