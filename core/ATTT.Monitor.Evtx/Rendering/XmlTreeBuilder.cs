using ATTT.Monitor.Events;
using ATTT.Monitor.Evtx.BinXml;
using ATTT.Monitor.Evtx.Model;

namespace ATTT.Monitor.Evtx.Rendering;

/// <summary>Builds the element tree of one record, for the XML and JSON renderers.</summary>
internal sealed class XmlTreeBuilder : IRecordVisitor
{
    private readonly Stack<XmlNode> _open = new();
    // The children of every open element, in order, each element's from its start index on: an
    // element gets them as one array when it ends (instead of a list grown child by child).
    private readonly List<XmlNode> _pendingChildren = new(64);
    // A plain array, not Stack<int>: that instantiation is not precompiled in the framework, so a
    // one-shot dump ran its Push and Pop as unoptimised first-tier code.
    private int[] _childrenStart = new int[16];
    private int _depth;
    private string? _attribute;
    private ValueAccumulator _value;

    public XmlNode? Root { get; private set; }

    public void Begin()
    {
        _open.Clear();
        _pendingChildren.Clear();
        _depth = 0;
        Root = null;
        _attribute = null;
        _value.Reset();
    }

    public void StartElement(string name)
    {
        FinishPending();
        var node = new XmlNode(name);
        if (_open.Count > 0)
            _pendingChildren.Add(node);
        else
            Root ??= node;
        _open.Push(node);
        if (_depth == _childrenStart.Length)
            Array.Resize(ref _childrenStart, _depth * 2);
        _childrenStart[_depth++] = _pendingChildren.Count;
    }

    public void Attribute(string name)
    {
        FinishPending();
        _attribute = name;
    }

    public void CloseStartElement() => FinishPending();

    public void Literal(string text) => _value.Add(text, EventValueKind.String);

    public void Value(byte type, ReadOnlySpan<byte> data) => _value.Add(type, data);

    public void EndElement()
    {
        FinishPending();
        if (_open.Count > 0)
            Close();
    }

    /// <summary>Closes what is still open, so every element has its children; call when the record is expanded.</summary>
    public void Finish()
    {
        FinishPending();
        while (_open.Count > 0)
            Close();
    }

    private void Close()
    {
        var node = _open.Pop();
        var start = _childrenStart[--_depth];
        var count = _pendingChildren.Count - start;
        if (count == 0)
            return;
        node.AddChildren(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_pendingChildren).Slice(start, count));
        _pendingChildren.RemoveRange(start, count);
    }

    private void FinishPending()
    {
        if (_value.HasValue && _open.Count > 0)
        {
            var text = _value.Text!;
            var node = _open.Peek();
            if (_attribute is not null)
            {
                node.AddAttribute(new XmlAttribute(_attribute, text, _value.Kind));
            }
            else if (node.Text is null)
            {
                node.Text = text;
                node.TextKind = _value.Kind;
            }
            else
            {
                node.Text += text;
                node.TextKind = EventValueKind.String;
            }
        }

        _attribute = null;
        _value.Reset();
    }
}
