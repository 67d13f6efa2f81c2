using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace ATTT.Monitor.Agent.Tests.Posture;

/// <summary>
/// The trimmed win-x64 publish keeps System.Management's COM types whole only because
/// agents/ATTT.Monitor.Agent/ILLink.Descriptors.SystemManagement.xml names them: without it the trimmer
/// strips the interface methods no IL calls by name, and every later vtable slot of IWbemServices,
/// IEnumWbemClassObject, ... points at the wrong method. This keeps the list in step with the package.
/// </summary>
public sealed class WmiTrimDescriptorTests
{
    [Fact]
    public void Every_com_type_of_the_windows_System_Management_is_preserved_whole()
    {
        var comTypes = ComImportTypes(Path.Combine(AppContext.BaseDirectory, "runtimes", "win", "lib", "net10.0", "System.Management.dll"));
        var descriptor = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Posture", "ILLink.Descriptors.SystemManagement.xml"));
        var preserved = descriptor.Descendants("assembly")
            .Where(assembly => (string?)assembly.Attribute("fullname") == "System.Management")
            .Elements("type")
            .Where(type => (string?)type.Attribute("preserve") == "all")
            .Select(type => (string)type.Attribute("fullname")!)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("System.Management.IWbemServices", comTypes);
        Assert.Contains("System.Management.IEnumWbemClassObject", comTypes);
        Assert.Empty(comTypes.Except(preserved, StringComparer.Ordinal));
        Assert.Empty(preserved.Except(comTypes, StringComparer.Ordinal));
    }

    private static HashSet<string> ComImportTypes(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if ((type.Attributes & TypeAttributes.Import) == 0)
                continue;
            // Nested COM types would need the descriptor's "Outer/Inner" form; System.Management has none.
            Assert.True(type.GetDeclaringType().IsNil, $"nested COM type {metadata.GetString(type.Name)}");
            names.Add(metadata.GetString(type.Namespace) + "." + metadata.GetString(type.Name));
        }

        return names;
    }
}
