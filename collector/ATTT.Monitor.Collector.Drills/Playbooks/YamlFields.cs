using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Collector.Playbooks;

/// <summary>
/// Reads the fields of one YAML mapping, collecting every problem as a <see cref="PlaybookError"/>
/// that names the file, the line and the field path (e.g. <c>steps[2].deadline</c>), so that one
/// check run lists all the mistakes of a file rather than the first.
/// </summary>
internal sealed class YamlFields
{
    private readonly YamlMappingNode _map;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlFields(YamlMappingNode map, string path, string file, List<PlaybookError> errors)
    {
        _map = map;
        Path = path;
        File = file;
        Errors = errors;
    }

    public string Path { get; }
    public string File { get; }
    public List<PlaybookError> Errors { get; }
    public int Line => Line0(_map);

    public static int Line0(YamlNode node) => (int)Math.Max(1, node.Start.Line);

    public string Join(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public void Error(YamlNode? node, string field, string reason) =>
        Errors.Add(new PlaybookError(File, node is null ? Line : Line0(node), field, reason));

    public YamlNode? Node(string key)
    {
        _read.Add(key);
        return _map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
    }

    public string? String(string key, bool required)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required)
                Error(null, Join(key), "bắt buộc nhưng chưa có (required field is missing)");
            return null;
        }

        if (node is not YamlScalarNode scalar || scalar.Value is null)
        {
            Error(node, Join(key), "phải là một chuỗi văn bản (must be a text value)");
            return null;
        }

        var text = scalar.Value.Trim();
        if (text.Length == 0 && required)
            Error(node, Join(key), "không được để trống (must not be empty)");
        return text.Length == 0 ? null : text;
    }

    public TimeSpan? Duration(string key, bool required)
    {
        var text = String(key, required);
        if (text is null)
            return null;
        if (DurationText.TryParse(text, out var value))
            return value;
        Error(Node(key), Join(key), $"'{text}' không phải khoảng thời gian như 30m, 2h, 72h, 5d (not a duration)");
        return null;
    }

    public YamlSequenceNode? Sequence(string key, bool required)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required)
                Error(null, Join(key), "bắt buộc nhưng chưa có (required list is missing)");
            return null;
        }

        if (node is YamlSequenceNode seq)
        {
            if (required && seq.Children.Count == 0)
                Error(node, Join(key), "danh sách không được rỗng (list must not be empty)");
            return seq;
        }

        Error(node, Join(key), "phải là một danh sách (must be a list)");
        return null;
    }

    public IReadOnlyList<string> Strings(string key, bool required)
    {
        var seq = Sequence(key, required);
        if (seq is null)
            return [];
        var list = new List<string>(seq.Children.Count);
        for (var i = 0; i < seq.Children.Count; i++)
        {
            if (seq.Children[i] is YamlScalarNode { Value: { Length: > 0 } value })
                list.Add(value.Trim());
            else
                Error(seq.Children[i], $"{Join(key)}[{i}]", "phải là một chuỗi văn bản không rỗng (must be non-empty text)");
        }

        return list;
    }

    public YamlFields? Mapping(string key, bool required)
    {
        var node = Node(key);
        if (node is null)
        {
            if (required)
                Error(null, Join(key), "bắt buộc nhưng chưa có (required section is missing)");
            return null;
        }

        return Of(node, Join(key));
    }

    /// <summary>A child mapping (a list item or a section), or null with an error if it is not a mapping.</summary>
    public YamlFields? Of(YamlNode node, string path)
    {
        if (node is YamlMappingNode map)
            return new YamlFields(map, path, File, Errors);
        Error(node, path, "phải là một bảng khóa: giá trị (must be a mapping of key: value)");
        return null;
    }

    /// <summary>Reports keys nobody asked for: a misspelt key must not be silently ignored.</summary>
    public void RejectUnknown()
    {
        foreach (var (key, _) in _map.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && !_read.Contains(name))
                Error(key, Join(name), "khóa không được hỗ trợ (unknown key)");
        }
    }
}
