using System.Runtime.InteropServices;
using ATTT.Monitor.Events;

namespace ATTT.Monitor.Evtx.Rendering;

/// <summary>One element of a record's XML, with typed attribute values and text.</summary>
internal sealed class XmlNode(string name)
{
    // Most elements with attributes have one (every Data element its Name): it is kept inline, and
    // a list is made only for a second. Children arrive as one exact-size array when the element
    // ends (see XmlTreeBuilder). Growing lists per element were half of the bytes a JSON dump allocated.
    private XmlAttribute _firstAttribute;
    private bool _hasFirstAttribute;
    private List<XmlAttribute>? _attributes;
    private XmlNode[] _children = [];

    public string Name { get; } = name;

    public ReadOnlySpan<XmlAttribute> Attributes
    {
        get
        {
            if (_attributes is not null)
                return CollectionsMarshal.AsSpan(_attributes);
            return _hasFirstAttribute ? new ReadOnlySpan<XmlAttribute>(in _firstAttribute) : default;
        }
    }

    public ReadOnlySpan<XmlNode> Children => _children;

    public string? Text { get; set; }

    public EventValueKind TextKind { get; set; }

    public void AddAttribute(XmlAttribute attribute)
    {
        if (_attributes is not null)
        {
            _attributes.Add(attribute);
        }
        else if (!_hasFirstAttribute)
        {
            _firstAttribute = attribute;
            _hasFirstAttribute = true;
        }
        else
        {
            _attributes = new List<XmlAttribute>(4) { _firstAttribute, attribute };
        }
    }

    /// <summary>Appends <paramref name="children"/> (copied) after the children the element already has.</summary>
    public void AddChildren(ReadOnlySpan<XmlNode> children)
    {
        if (children.IsEmpty)
            return;
        if (_children.Length == 0)
        {
            _children = children.ToArray();
            return;
        }

        var joined = new XmlNode[_children.Length + children.Length];
        _children.CopyTo(joined, 0);
        children.CopyTo(joined.AsSpan(_children.Length));
        _children = joined;
    }

    /// <summary>The value of the attribute <paramref name="attribute"/>, or null.</summary>
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
