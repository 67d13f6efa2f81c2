using System.Text;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Playbooks;
using ATTT.Monitor.Collector.Tests.Support;

namespace ATTT.Monitor.Collector.Tests.Playbooks;

/// <summary>The product's own playbooks in playbooks/: valid, complete, and written for a commune.</summary>
public sealed class ShippedPlaybooksTests
{
    private static readonly PlaybookLoadResult Shipped = PlaybookLoader.Load([RepositoryPaths.Playbooks]);

    [Fact]
    public void All_shipped_playbooks_load() 
    {
        Assert.Empty(Shipped.Errors);
        Assert.True(Shipped.Playbooks.Count >= 5, $"{Shipped.Playbooks.Count} playbooks");
    }

    // Every category the collector can store, read from IncidentCategory itself, so a new category
    // without a playbook fails here instead of showing "Chưa có kịch bản ứng phó".
    public static TheoryData<string> Categories() => new(
        typeof(IncidentCategory).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!));

    [Theory]
    [MemberData(nameof(Categories))]
    public void Each_category_has_exactly_one_playbook(string category) =>
        Assert.Single(Shipped.Playbooks, p => p.Categories.Contains(category));

    [Fact]
    public void The_categories_are_the_ten_of_the_incident_schema() =>
        Assert.Equal(10, Categories().Count);

    [Fact]
    public void Every_playbook_can_be_drilled_and_names_its_roles_in_vietnamese()
    {
        foreach (var p in Shipped.Playbooks)
        {
            Assert.NotNull(p.Drill);
            Assert.NotNull(p.Drill.Schedule);
            Assert.NotEmpty(p.Drill.Injects);
            Assert.NotEmpty(p.Drill.ExpectedDetections);
            Assert.True(p.Steps.Count >= 4, p.Id);
            Assert.Contains(p.Roles, r => r.Id == "can-bo-cntt");
            Assert.All(p.Roles, r => Assert.True(HasVietnameseLetters(r.Name), $"{p.Id}: {r.Name}"));
            Assert.True(HasVietnameseLetters(p.Title), p.Title);
            Assert.True(p.Title.IsNormalized(NormalizationForm.FormC), $"{p.Id}: title is not NFC");
            foreach (var inject in p.Drill.Injects)
                Assert.Equal(inject.Host, inject.ToEvent(TestClock.DefaultStart, 1).Computer);
        }
    }

    [Fact]
    public void The_personal_data_playbook_notifies_the_ministry_within_72_hours()
    {
        var p = Assert.Single(Shipped.Playbooks, p => p.Categories.Contains(IncidentCategory.DataBreach));
        var step = Assert.Single(p.Steps, s => s.Action.Contains("A05", StringComparison.Ordinal));
        Assert.Equal(TimeSpan.FromHours(72), step.Deadline);
    }

    private static bool HasVietnameseLetters(string text) => text.Any(c => c > 127 && char.IsLetter(c));
}
