namespace ATTT.Monitor.Sigma.Matching;

/// <summary>Interns the event field names that compiled rules read, so each is looked up once per event.</summary>
internal sealed class FieldTable
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    public int Count => _names.Count;

    public IReadOnlyList<string> Names => _names;

    public string NameOf(int id) => _names[id];

    public int Intern(string name)
    {
        if (_ids.TryGetValue(name, out var id)) return id;
        id = _names.Count;
        _names.Add(name);
        _ids[name] = id;
        return id;
    }
}
