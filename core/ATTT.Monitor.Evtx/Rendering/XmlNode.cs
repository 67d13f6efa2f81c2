using ATTT.Monitor.Events;

namespace ATTT.Monitor.Evtx.Rendering;

/// <summary>One element of a record's XML, with typed attribute values and text.</summary>
internal sealed class XmlNode(string name)
{
    public string Name { get; } = name;

    public List<XmlAttribute> Attributes { get; } = [];

    public List<XmlNode> Children { get; } = [];

    public string? Text { get; set; }

    public EventValueKind TextKind { get; set; }

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
