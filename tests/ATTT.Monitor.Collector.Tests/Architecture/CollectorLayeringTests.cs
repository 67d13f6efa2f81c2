using ATTT.Monitor.Collector.Tests.Support;

namespace ATTT.Monitor.Collector.Tests.Architecture;

/// <summary>The collector's projects reference only the projects below them (the order is <see cref="CollectorLayering.Order"/>).</summary>
public sealed class CollectorLayeringTests
{
    [Fact]
    public void No_collector_project_references_one_above_it()
    {
        var violations = CollectorLayering.Violations(RepositoryPaths.Root);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Every_collector_project_has_a_place_in_the_layering()
    {
        var projects = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "collector"), "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(CollectorLayering.Order.Order(StringComparer.Ordinal), projects);
    }

    [Fact]
    public void An_upward_reference_or_one_to_the_host_is_named()
    {
        using var repository = new TempFolder();
        WriteProject(repository.Path, "core/ATTT.Monitor.Events", []);
        WriteProject(repository.Path, "collector/ATTT.Monitor.Collector.Storage", ["../../core/ATTT.Monitor.Events/ATTT.Monitor.Events.csproj"]);
        // Detection reaching up to Incidents, and Incidents to the host: both must be reported.
        WriteProject(repository.Path, "collector/ATTT.Monitor.Collector.Detection", ["../ATTT.Monitor.Collector.Storage/ATTT.Monitor.Collector.Storage.csproj", "../ATTT.Monitor.Collector.Incidents/ATTT.Monitor.Collector.Incidents.csproj"]);
        WriteProject(repository.Path, "collector/ATTT.Monitor.Collector.Incidents", ["../ATTT.Monitor.Collector.Detection/ATTT.Monitor.Collector.Detection.csproj", "../ATTT.Monitor.Collector/ATTT.Monitor.Collector.csproj"]);
        WriteProject(repository.Path, "collector/ATTT.Monitor.Collector", ["../ATTT.Monitor.Collector.Incidents/ATTT.Monitor.Collector.Incidents.csproj"]);

        var violations = CollectorLayering.Violations(repository.Path);

        Assert.Equal(2, violations.Count);
        Assert.Contains(violations, v => v.StartsWith("collector/ATTT.Monitor.Collector.Detection/ATTT.Monitor.Collector.Detection.csproj: ", StringComparison.Ordinal)
            && v.Contains("references ATTT.Monitor.Collector.Incidents, which is above it", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("ATTT.Monitor.Collector.Incidents references ATTT.Monitor.Collector, which is above it", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reference_to_the_agent_or_an_unplaced_project_is_named()
    {
        using var repository = new TempFolder();
        WriteProject(repository.Path, "agents/ATTT.Monitor.Agent", []);
        WriteProject(repository.Path, "collector/ATTT.Monitor.Collector.Storage", ["../../agents/ATTT.Monitor.Agent/ATTT.Monitor.Agent.csproj"]);
        WriteProject(repository.Path, "collector/ATTT.Monitor.Collector.Extra", []);

        var violations = CollectorLayering.Violations(repository.Path);

        Assert.Contains(violations, v => v.Contains("references ATTT.Monitor.Agent, which is neither a core project nor a collector project", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("ATTT.Monitor.Collector.Extra has no place", StringComparison.Ordinal));
    }

    private static void WriteProject(string root, string folder, IReadOnlyList<string> references)
    {
        var directory = Path.Combine(root, folder);
        Directory.CreateDirectory(directory);
        var items = string.Concat(references.Select(r => $"""    <ProjectReference Include="{r}" />{"\n"}"""));
        File.WriteAllText(Path.Combine(directory, Path.GetFileName(folder) + ".csproj"),
            $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
            {items}  </ItemGroup>
            </Project>
            """);
    }
}
