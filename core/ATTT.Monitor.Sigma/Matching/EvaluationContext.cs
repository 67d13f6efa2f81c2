using ATTT.Monitor.Events;

namespace ATTT.Monitor.Sigma.Matching;

/// <summary>
/// Per-thread scratch state for evaluating one event: a cache of the fields already looked up
/// (through <see cref="IFieldLookup.TryGetField"/>), so a field read by hundreds of rules is found
/// once. A generation stamp avoids clearing the cache between events.
/// </summary>
internal sealed class EvaluationContext
{
    private readonly FieldTable _fields;
    private readonly string?[] _values;
    private readonly bool[] _present;
    private readonly int[] _stamps;
    private int _generation;

    public EvaluationContext(FieldTable fields)
    {
        _fields = fields;
        _values = new string?[fields.Count];
        _present = new bool[fields.Count];
        _stamps = new int[fields.Count];
    }

    public IFieldLookup Event { get; private set; } = EmptyLookup.Instance;

    public void Reset(IFieldLookup e)
    {
        Event = e;
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_stamps);
            _generation = 1;
        }
    }

    /// <summary>False when the event has no such field; true with null for an empty field.</summary>
    public bool TryGet(int fieldId, out string? value)
    {
        if (_stamps[fieldId] != _generation)
        {
            _present[fieldId] = Event.TryGetField(_fields.NameOf(fieldId), out var v);
            _values[fieldId] = v;
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
