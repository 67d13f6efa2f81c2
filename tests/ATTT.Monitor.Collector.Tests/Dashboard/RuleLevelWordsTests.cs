using System.Text.RegularExpressions;
using ATTT.Monitor.Collector.Detection;
using ATTT.Monitor.Collector.Packs;
using ATTT.Monitor.Collector.Tests.Dashboard.Support;
using ATTT.Monitor.Collector.Tests.Detection.Packs;
using ATTT.Monitor.Collector.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ATTT.Monitor.Collector.Tests.Dashboard;

/// <summary>The profile <c>all</c> loads informational rules beside low ones: the rules page names each level with a word of its own.</summary>
public sealed partial class RuleLevelWordsTests
{
    [Fact]
    public async Task Informational_rules_under_profile_all_read_as_their_own_level_in_Vietnamese_and_English()
    {
        await using var site = await RulesSite.StartAsync(["--Detection:Profile=all"]);
        using var temp = new TempFolder();
        new RulePackInstaller(new RulePackLayout(site.Collector.DataPath), new ManualTimeProvider())
            .Install(SigmaArchives.Security(temp.Path, "sigma_all.zip"), null, RuleProfile.Parse("all"));
        var catalog = site.Collector.Services.GetRequiredService<RuleCatalog>();
        catalog.Reload();
        Assert.Contains(catalog.Status.Rules, r => r.Level == "informational");
        using var viewer = await site.SignInAsync("xem");

        var page = await viewer.GetStringAsync("/rules");
        var levelFilter = LevelFilter().Match(page).Value;
        Assert.Contains("<option value=\"informational\">Thông tin</option>", levelFilter, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(levelFilter, ">Thấp<"));
        Assert.Matches("<td>Thông tin</td><td>\\d+</td>", Regex.Match(page, "<table id=\"pack-counts\">.*?</table>", RegexOptions.Singleline).Value);
        Assert.DoesNotContain(">informational<", page, StringComparison.OrdinalIgnoreCase);

        var filtered = await viewer.GetStringAsync("/rules?level=informational");
        Assert.Matches("</a></td><td>Thông tin</td>", filtered);
        Assert.DoesNotMatch("</a></td><td>Thấp</td>", filtered);

        await viewer.PostFormAsync("/", "/language", new() { ["to"] = "en", ["returnUrl"] = "/rules" });
        Assert.Contains("<option value=\"informational\">Informational</option>", await viewer.GetStringAsync("/rules"), StringComparison.Ordinal);
    }

    [GeneratedRegex("<select id=\"level\" name=\"level\">.*?</select>", RegexOptions.Singleline)]
    private static partial Regex LevelFilter();
}
