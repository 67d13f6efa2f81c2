using System.Xml.Linq;

namespace ATTT.Monitor.Collector.Tests.Architecture;

/// <summary>
/// Reads the collector's project files and names every reference that breaks the layering: a
/// collector project may reference core/ projects and collector projects below it in
/// <see cref="Order"/>, nothing else (no project above it, no agent, no test project).
/// </summary>
internal static class CollectorLayering
{
    /// <summary>The collector's projects, lowest first; the host (attt) is last.</summary>
    public static IReadOnlyList<string> Order { get; } =
    [
        "ATTT.Monitor.Collector.Storage",
        "ATTT.Monitor.Collector.Ingest",
        "ATTT.Monitor.Collector.Detection",
        "ATTT.Monitor.Collector.Incidents",
        "ATTT.Monitor.Collector.Notifications",
        "ATTT.Monitor.Collector.Drills",
        "ATTT.Monitor.Collector.Dashboard",
        "ATTT.Monitor.Collector",
    ];

    /// <summary>One sentence per violation; empty when the layering holds.</summary>
    public static IReadOnlyList<string> Violations(string repositoryRoot)
    {
        var collector = Path.Combine(repositoryRoot, "collector");
        var violations = new List<string>();
        var projects = Directory.EnumerateFiles(collector, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
        if (projects.Count == 0)
            violations.Add($"no project file found under {collector}");
        foreach (var project in projects)
        {
            var name = Path.GetFileNameWithoutExtension(project);
            var level = IndexOf(name);
            if (level < 0)
            {
                violations.Add($"{Relative(repositoryRoot, project)}: {name} has no place in the collector's layering (add it to CollectorLayering.Order)");
                continue;
            }

            foreach (var reference in References(project))
            {
                var target = Path.GetFileNameWithoutExtension(reference);
                var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, reference.Replace('\\', Path.DirectorySeparatorChar)));
                var isCore = full.StartsWith(Path.Combine(repositoryRoot, "core") + Path.DirectorySeparatorChar, StringComparison.Ordinal);
                var targetLevel = IndexOf(target);
                if (isCore)
                    continue;
                if (targetLevel < 0)
                    violations.Add($"{Relative(repositoryRoot, project)}: {name} references {target}, which is neither a core project nor a collector project");
                else if (targetLevel >= level)
                    violations.Add($"{Relative(repositoryRoot, project)}: {name} references {target}, which is {(targetLevel == level ? "itself" : "above it")} in the layering");
            }
        }

        return violations;
    }

    private static int IndexOf(string name)
    {
        for (var i = 0; i < Order.Count; i++)
        {
            if (string.Equals(Order[i], name, StringComparison.Ordinal))
                return i;
        }

        return -1;
    }

    private static IEnumerable<string> References(string project) =>
        XDocument.Load(project).Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => (string?)e.Attribute("Include"))
            .OfType<string>();

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
