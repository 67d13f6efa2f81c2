using ATTT.Monitor.Events;

namespace ATTT.Monitor.Sigma.Matching;

/// <summary>
/// Per-thread scratch state for evaluating one event: a cache of the fields already looked up
/// (through <see cref="IFieldLookup.TryGetField"/>), so a field read by hundreds of rules is found
/// once. A generation stamp avoids clearing the cache between events. For an
/// <see cref="EventRecord"/>, one pass over its payload names marks which rule fields can exist at
/// all, so the many fields an event lacks are answered without a lookup.
/// </summary>
internal sealed class EvaluationContext
{
    private readonly FieldTable _fields;
    private readonly string?[] _values;
    private readonly bool[] _present;
    private readonly int[] _stamps;
    private readonly int[] _maybe;
    private readonly bool[] _isSystem;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _byName;
    private int _generation;
    private bool _knowsNames;

    public EvaluationContext(FieldTable fields)
    {
        _fields = fields;
        _values = new string?[fields.Count];
        _present = new bool[fields.Count];
        _stamps = new int[fields.Count];
        _maybe = new int[fields.Count];
        _isSystem = new bool[fields.Count];
        var byName = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var system = new HashSet<string>(SystemFields.Names, StringComparer.OrdinalIgnoreCase);
        for (var id = 0; id < fields.Count; id++)
        {
            var name = fields.NameOf(id);
            _isSystem[id] = system.Contains(name);
            if (!byName.TryGetValue(name, out var ids)) byName[name] = ids = [];
            ids.Add(id);
        }

        _byName = byName.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IFieldLookup Event { get; private set; } = EmptyLookup.Instance;

    public void Reset(IFieldLookup e)
    {
        Event = e;
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamps);
            Array.Clear(_maybe);
            _generation = 1;
        }

        _knowsNames = e is EventRecord;
        if (e is EventRecord record)
        {
            var fields = record.Fields;
            for (var i = 0; i < fields.Count; i++)
            {
                if (_byName.TryGetValue(fields[i].Name, out var ids))
                {
                    foreach (var id in ids) _maybe[id] = _generation;
                }
            }
        }
    }

    /// <summary>False only when the event is known to have no payload field of that name (any case).</summary>
    public bool PayloadMayHave(int fieldId) => !_knowsNames || _maybe[fieldId] == _generation;

    /// <summary>False when the event has no such field; true with null for an empty field.</summary>
    public bool TryGet(int fieldId, out string? value)
    {
        if (_stamps[fieldId] != _generation)
        {
            if (_knowsNames && _maybe[fieldId] != _generation && !_isSystem[fieldId])
            {
                _present[fieldId] = false;
                _values[fieldId] = null;
            }
            else
            {
                _present[fieldId] = Event.TryGetField(_fields.NameOf(fieldId), out var v);
                _values[fieldId] = v;
            }

            _stamps[fieldId] = _generation;
        }

        value = _values[fieldId];
        return _present[fieldId];
    }

    private sealed class EmptyLookup : IFieldLookup
    {
        public static readonly EmptyLookup Instance = new();

        public bool TryGetField(string name, out string? value)
        {
            value = null;
            return false;
        }
    }
}
