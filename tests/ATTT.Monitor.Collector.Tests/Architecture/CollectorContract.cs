using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ATTT.Monitor.Collector.Tests.Architecture;

/// <summary>
/// Which public types of the collector's projects are a contract: a type is one when another
/// collector project names it (a type reference in that project's compiled metadata, which is how
/// every use across assemblies is written: calls, fields, generics, attributes, extension methods;
/// constants are the exception, see <see cref="UsedThroughConstants"/>),
/// when ASP.NET needs it public (the dashboard's page models, the host's Program), or when the
/// compiler needs it public because a contract's public or protected surface shows it. Any other
/// public type should be internal; test projects see internals through InternalsVisibleTo.
/// </summary>
internal static class CollectorContract
{
    /// <summary>
    /// Public types that other collector projects use only through their constants. A constant is
    /// copied into the assembly that reads it, so that use leaves no type reference to find;
    /// <see cref="ConstantUsers"/> checks each entry against the other projects' sources instead.
    /// </summary>
    public static IReadOnlyList<Type> UsedThroughConstants { get; } =
    [
        typeof(global::ATTT.Monitor.Collector.Access.AccessPolicies),
        typeof(global::ATTT.Monitor.Collector.Access.UnitClaims),
        typeof(global::ATTT.Monitor.Collector.Audit.AuditActors),
        typeof(global::ATTT.Monitor.Collector.Ingest.AgentTokenDefaults),
        typeof(global::ATTT.Monitor.Collector.Ingest.IngestRateLimiting),
        typeof(global::ATTT.Monitor.Collector.Suppression.SuppressionUnits),
        typeof(global::ATTT.Monitor.Collector.Incidents.IncidentCategory),
        typeof(global::ATTT.Monitor.Collector.Incidents.IncidentsSchema),
        typeof(global::ATTT.Monitor.Collector.Drills.DrillLink),
        typeof(global::ATTT.Monitor.Collector.Drills.DrillRunStatus),
    ];

    /// <summary>The collector projects other than the type's own whose C# or Razor sources read one of its constants (<c>Name.Constant</c>).</summary>
    public static IReadOnlyList<string> ConstantUsers(Type type, string repositoryRoot)
    {
        var own = Path.GetFileNameWithoutExtension(type.Assembly.GetName().Name == "attt" ? "ATTT.Monitor.Collector" : type.Assembly.GetName().Name);
        var constants = type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => $"{type.Name}.{f.Name}").ToList();
        var users = new List<string>();
        foreach (var project in CollectorLayering.Order.Where(p => p != own))
        {
            var folder = Path.Combine(repositoryRoot, "collector", project);
            var sources = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
            if (sources.Any(f => File.ReadAllText(f) is var text && constants.Any(c => text.Contains(c, StringComparison.Ordinal))))
                users.Add(project);
        }

        return users;
    }

    /// <summary>The collector's assemblies (the host's assembly is attt), in <see cref="CollectorLayering.Order"/>.</summary>
    public static IReadOnlyList<Assembly> Assemblies { get; } =
        [.. CollectorLayering.Order.Select(name => Assembly.Load(name == "ATTT.Monitor.Collector" ? "attt" : name))];

    /// <summary>One sentence per public type that no other collector project uses; empty when every public type is a contract.</summary>
    public static IReadOnlyList<string> Violations()
    {
        var contract = Contract();
        return [.. Assemblies
            .SelectMany(a => a.GetTypes())
            .Where(IsOwnPublicType)
            .Where(t => !contract.Contains(t))
            .Select(t => $"{t.Assembly.GetName().Name}: {t.FullName} is public, but no other collector project uses it; make it internal")
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Every public type that is a contract, as defined above.</summary>
    public static IReadOnlySet<Type> Contract()
    {
        var byName = Assemblies.SelectMany(a => a.GetTypes()).Where(IsOwnPublicType)
            .ToDictionary(t => (t.Assembly.GetName().Name!, t.FullName!));
        var roots = new List<Type>();
        foreach (var assembly in Assemblies)
        {
            foreach (var (target, name) in TypeReferences(assembly.Location))
            {
                if (byName.TryGetValue((target, name), out var type))
                    roots.Add(type);
            }

            roots.AddRange(assembly.GetTypes().Where(t => IsOwnPublicType(t) && IsFrameworkEntryPoint(t)));
        }

        roots.AddRange(UsedThroughConstants);

        var contract = new HashSet<Type>();
        var pending = new Stack<Type>(roots);
        while (pending.TryPop(out var type))
        {
            if (!contract.Add(type))
                continue;
            foreach (var shown in Surface(type).SelectMany(Unwrap).Where(IsOwnPublicType).Distinct())
                pending.Push(shown);
        }

        return contract;
    }

    private static bool IsOwnPublicType(Type type) =>
        type.IsVisible && !type.IsGenericParameter && !type.IsConstructedGenericType && !type.IsArray && !type.IsByRef && !type.IsPointer
        && Assemblies.Contains(type.Assembly);

    /// <summary>
    /// Types ASP.NET needs public: page models, view components, tag helpers, and the host's
    /// top-level Program, which the Web SDK's generator declares public itself.
    /// </summary>
    private static bool IsFrameworkEntryPoint(Type type)
    {
        if (type == type.Assembly.EntryPoint?.DeclaringType)
            return true;
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.FullName is "Microsoft.AspNetCore.Mvc.RazorPages.PageModel" or "Microsoft.AspNetCore.Mvc.ViewComponent"
                or "Microsoft.AspNetCore.Razor.TagHelpers.TagHelper" or "Microsoft.AspNetCore.Mvc.Razor.RazorPageBase")
                return true;
        }

        return false;
    }

    /// <summary>The types that a type's public and protected surface shows, as the compiler's accessibility check sees it.</summary>
    private static IEnumerable<Type> Surface(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        if (type.BaseType is not null)
            yield return type.BaseType;
        foreach (var i in type.GetInterfaces())
            yield return i;
        if (type.IsGenericTypeDefinition)
        {
            foreach (var constraint in type.GetGenericArguments().SelectMany(a => a.GetGenericParameterConstraints()))
                yield return constraint;
        }

        foreach (var nested in type.GetNestedTypes(BindingFlags.Public))
            yield return nested;
        foreach (var member in type.GetMembers(all))
        {
            switch (member)
            {
                case FieldInfo f when f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly:
                    yield return f.FieldType;
                    break;
                case PropertyInfo p when p.GetAccessors(nonPublic: true).Any(IsShown):
                    yield return p.PropertyType;
                    foreach (var index in p.GetIndexParameters())
                        yield return index.ParameterType;
                    break;
                case EventInfo e when e.AddMethod is { } add && IsShown(add):
                    yield return e.EventHandlerType!;
                    break;
                case MethodBase m when IsShown(m):
                    if (m is MethodInfo method)
                        yield return method.ReturnType;
                    foreach (var parameter in m.GetParameters())
                        yield return parameter.ParameterType;
                    if (m.IsGenericMethodDefinition)
                    {
                        foreach (var constraint in m.GetGenericArguments().SelectMany(a => a.GetGenericParameterConstraints()))
                            yield return constraint;
                    }

                    break;
            }
        }
    }

    private static bool IsShown(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    /// <summary>A type and the types inside it: element types, generic arguments, declaring types of nested ones.</summary>
    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var t in Unwrap(type.GetElementType()!))
                yield return t;
            yield break;
        }

        if (type.IsGenericParameter)
            yield break;
        if (type.IsConstructedGenericType)
        {
            foreach (var t in Unwrap(type.GetGenericTypeDefinition()))
                yield return t;
            foreach (var t in type.GetGenericArguments().SelectMany(Unwrap))
                yield return t;
            yield break;
        }

        for (var t = type; t is not null; t = t.DeclaringType)
            yield return t;
    }

    /// <summary>Every type an assembly's metadata refers to in another assembly: (that assembly's name, the type's full name with + for nested types).</summary>
    private static IEnumerable<(string Assembly, string Type)> TypeReferences(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var found = new List<(string, string)>();
        foreach (var handle in reader.TypeReferences)
        {
            var (scope, name) = Name(reader, handle);
            if (scope is { } assembly)
                found.Add((assembly, name));
        }

        return found;
    }

    private static (string? Assembly, string Name) Name(MetadataReader reader, TypeReferenceHandle handle)
    {
        var reference = reader.GetTypeReference(handle);
        var name = reader.GetString(reference.Name);
        var space = reference.Namespace.IsNil ? "" : reader.GetString(reference.Namespace);
        var own = space.Length == 0 ? name : $"{space}.{name}";
        var scope = reference.ResolutionScope;
        switch (scope.Kind)
        {
            case HandleKind.TypeReference:
                var (assembly, outer) = Name(reader, (TypeReferenceHandle)scope);
                return (assembly, $"{outer}+{name}");
            case HandleKind.AssemblyReference:
                return (reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name), own);
            default:
                return (null, own);
        }
    }
}
