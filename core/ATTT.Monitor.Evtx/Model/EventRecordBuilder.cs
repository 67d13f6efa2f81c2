using System.Globalization;
using ATTT.Monitor.Events;
using ATTT.Monitor.Evtx.BinXml;
using ATTT.Monitor.Evtx.Chunks;

namespace ATTT.Monitor.Evtx.Model;

/// <summary>
/// Fills an <see cref="EventRecord"/> straight from the expanded binary XML: System values go to
/// typed properties, EventData/UserData leaves to <see cref="EventField"/>s. No XML text is built.
/// </summary>
internal sealed class EventRecordBuilder : IRecordVisitor
{
    private const int MaxDepth = 64;
    private readonly string[] _path = new string[MaxDepth];
    private readonly bool[] _hasChildren = new bool[MaxDepth];
    private readonly List<EventField> _fields = [];
    private readonly SystemValues _system = new();
    private readonly NamePool _strings = new();
    private readonly RecentValues _recent = new();
    private int _depth;
    private string? _attribute;
    private string? _dataName;
    private ValueAccumulator _value;
    private EventPayloadKind _payload;
    private string? _userDataName;
    // Which child of Event (System, EventData, UserData) is open, and whether the open element
    // below it is a Data element: decided once per element instead of comparing names per value.
    private RecordSection _section;
    private bool _inData;

    public void Begin()
    {
        _depth = 0;
        _attribute = null;
        _dataName = null;
        _value.Reset();
        _payload = EventPayloadKind.None;
        _userDataName = null;
        _section = RecordSection.Other;
        _inData = false;
        _fields.Clear();
        _system.Reset();
    }

    public EventRecord Build(RecordSlot slot) => _system.ToRecord(slot, _payload, _userDataName,
        _fields.Count == 0 ? [] : _fields.ToArray());

    public void StartElement(string name)
    {
        FinishAttribute();
        if (_depth > 0)
            _hasChildren[_depth - 1] = true;
        if (_depth < MaxDepth)
        {
            _path[_depth] = name;
            _hasChildren[_depth] = false;
        }

        _depth++;
        _dataName = null;
        _value.Reset();
        if (_depth == 2)
        {
            _section = name switch
            {
                "System" => RecordSection.System,
                "EventData" => RecordSection.EventData,
                "UserData" => RecordSection.UserData,
                _ => RecordSection.Other,
            };
            if (_section == RecordSection.EventData)
                _payload = EventPayloadKind.EventData;
            else if (_section == RecordSection.UserData)
                _payload = EventPayloadKind.UserData;
        }
        else if (_depth == 3)
        {
            _inData = name == "Data";
            if (_section == RecordSection.UserData)
                _userDataName ??= name;
        }
    }

    public void Attribute(string name)
    {
        FinishAttribute();
        _attribute = name;
    }

    public void CloseStartElement()
    {
        FinishAttribute();
        _value.Reset();
    }

    public void Literal(string text) => _value.Add(text, EventValueKind.String);

    public void Value(byte type, ReadOnlySpan<byte> data)
    {
        // System strings, SIDs and GUIDs repeat in every record of a log: share one string each.
        if (_depth == 3 && !_value.HasValue && _section == RecordSection.System)
        {
            if (type == ValueTypes.String)
            {
                _value.Add(_strings.GetValue(data), EventValueKind.String);
                return;
            }

            if (type is ValueTypes.Sid or ValueTypes.Guid && _recent.Get(type, data) is { } text)
            {
                _value.Add(text, EventValueKind.String);
                return;
            }
        }

        _value.Add(type, data);
    }

    public void EndElement()
    {
        FinishAttribute();
        if (_depth is >= 2 and <= MaxDepth)
            FinishElement();
        _value.Reset();
        _depth--;
    }

    private void FinishAttribute()
    {
        if (_attribute is null)
            return;
        var name = _attribute;
        _attribute = null;
        if (_depth == 3 && _section == RecordSection.System)
            _system.SetAttribute(_path[2], name, ref _value);
        else if (_depth == 3 && _inData && _section == RecordSection.EventData && name == "Name")
            _dataName = _value.Text;
        _value.Reset();
    }

    private void FinishElement()
    {
        var section = _section;
        if (_depth == 3 && section == RecordSection.System)
        {
            _system.SetElement(_path[2], ref _value);
            return;
        }

        var leaf = !_hasChildren[_depth - 1];
        if (!leaf)
            return;
        if (_depth == 3 && section == RecordSection.EventData)
            AddField(_inData ? _dataName ?? "" : _path[2]);
        else if (_depth >= 4 && section == RecordSection.UserData)
            AddField(_path[_depth - 1]);
    }

    private void AddField(string name)
    {
        var text = _value.Text;
        _fields.Add(text is null
            ? new EventField(name, null, EventValueKind.Null)
            : new EventField(name, text, _value.Kind));
    }

    /// <summary>Parses System numbers leniently: a damaged value is dropped, not fatal.</summary>
    internal static int? ParseInt(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
}
