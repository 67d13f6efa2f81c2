namespace ATTT.Monitor.Collector.Tests.Architecture;

/// <summary>A collector project's public types are its contract: each is used by another collector project (or ASP.NET needs it public).</summary>
public sealed class CollectorContractTests
{
    [Fact]
    public void Every_public_collector_type_is_used_by_another_collector_project()
    {
        var violations = CollectorContract.Violations();

        Assert.True(violations.Count == 0, $"{violations.Count} public types are no project's contract:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
    }

    [Fact]
    public void A_type_another_project_names_is_a_contract_and_one_only_its_own_project_names_is_not()
    {
        var contract = CollectorContract.Contract();

        // The incident service is what Notifications, Drills and the dashboard call; the host's
        // CollectorHost is called by nothing in production (only by tests, through InternalsVisibleTo).
        Assert.Contains(typeof(ATTT.Monitor.Collector.Incidents.IIncidentService), contract);
        Assert.DoesNotContain(typeof(ATTT.Monitor.Collector.Hosting.CollectorHost), contract);
        Assert.All(contract, t => Assert.True(t.IsVisible, $"{t.FullName} is in the contract but not public"));
    }

    [Fact]
    public void A_type_shown_by_a_contract_surface_is_a_contract_too()
    {
        var contract = CollectorContract.Contract();

        // Dashboard page models must be public for ASP.NET, and their constructors take lower
        // projects' services, which the compiler then needs public.
        var pageModels = contract.Where(t => t.BaseType?.FullName == "Microsoft.AspNetCore.Mvc.RazorPages.PageModel").ToList();
        Assert.NotEmpty(pageModels);
        foreach (var parameter in pageModels.SelectMany(t => t.GetConstructors()).SelectMany(c => c.GetParameters()))
        {
            if (CollectorContract.Assemblies.Contains(parameter.ParameterType.Assembly))
                Assert.Contains(parameter.ParameterType, contract);
        }
    }

    [Fact]
    public void Each_type_kept_public_for_its_constants_is_public_and_read_by_another_project()
    {
        foreach (var type in CollectorContract.UsedThroughConstants)
        {
            Assert.True(type.IsVisible, $"{type.FullName} is listed as used through its constants but is not public");
            Assert.True(CollectorContract.ConstantUsers(type, RepositoryPaths.Root).Count > 0,
                $"{type.FullName} is listed as used through its constants, but no other collector project reads one; make it internal and take it off the list");
        }
    }
}
