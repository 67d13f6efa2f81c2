using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Evtx.Rendering;

/// <summary>One element of a record's XML, with typed attribute values and text.</summary>
internal sealed class XmlNode(string name)
{
    // Created on first use: most elements of a record have no attributes, and the leaves (most
    // elements) have no children, so a dump allocates a third of the lists it would otherwise.
    private List<XmlAttribute>? _attributes;
    private List<XmlNode>? _children;

    public string Name { get; } = name;

    public ReadOnlySpan<XmlAttribute> Attributes => CollectionsMarshal.AsSpan(_attributes);

    public ReadOnlySpan<XmlNode> Children => CollectionsMarshal.AsSpan(_children);

    public string? Text { get; set; }

    public EventValueKind TextKind { get; set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddAttribute(XmlAttribute attribute) => (_attributes ??= new List<XmlAttribute>(4)).Add(attribute);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddChild(XmlNode child) => (_children ??= []).Add(child);

    /// <summary>The value of the attribute <paramref name="attribute"/>, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string? AttributeValue(string attribute)
    {
        foreach (var a in Attributes)
        {
            if (a.Name == attribute)
                return a.Value;
        }

        return null;
    }
}
