using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Content.Tests.Validation;

/// <summary>
/// Reads the fields of one entry (a YAML mapping) and records every problem with the file, line
/// and dotted field name (for example <c>techniques.t1003.what_to_do[1]</c>). A field that is
/// missing is reported at the entry's key, the line a reader looks for.
/// </summary>
internal sealed class EntryReader(string path, string field, YamlNode entryKey, YamlNode node, List<ContentProblem> problems)
{
    private readonly YamlMappingNode? _mapping = node as YamlMappingNode;

    /// <summary>False (and a problem recorded) when the entry is not a mapping.</summary>
    public bool IsMapping()
    {
        if (_mapping is not null)
            return true;
        Report(entryKey, field, "must be a mapping of fields");
        return false;
    }

    public void RejectUnknownKeys(params string[] allowed)
    {
        foreach (var (key, _) in _mapping!.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "?";
            if (!allowed.Contains(name, StringComparer.Ordinal))
                Report(key, $"{field}.{name}", $"is not a known field (known: {string.Join(", ", allowed)})");
        }
    }

    /// <summary>A required non-empty text; with <paramref name="vietnamese"/>, also checked for diacritics.</summary>
    public string? Text(string key, bool vietnamese)
    {
        if (Child(key) is not { } value)
        {
            Report(entryKey, $"{field}.{key}", "is missing");
            return null;
        }

        return TextOf(value, $"{field}.{key}", vietnamese);
    }

    /// <summary>An optional text: null when absent.</summary>
    public string? OptionalText(string key) => Child(key) is { } value ? TextOf(value, $"{field}.{key}", vietnamese: false) : null;

    /// <summary>A required non-empty list of texts.</summary>
    public IReadOnlyList<string>? TextList(string key, bool vietnamese)
    {
        if (Child(key) is not { } value)
        {
            Report(entryKey, $"{field}.{key}", "is missing");
            return null;
        }

        var list = ListOf(value, $"{field}.{key}", vietnamese);
        if (list is { Count: 0 })
            Report(value, $"{field}.{key}", "must list at least one item");
        return list;
    }

    /// <summary>An optional list of texts: empty when absent.</summary>
    public IReadOnlyList<string> OptionalTextList(string key) =>
        Child(key) is { } value ? ListOf(value, $"{field}.{key}", vietnamese: false) ?? [] : [];

    public void Report(YamlNode at, string name, string reason) =>
        problems.Add(new ContentProblem(path, YamlContentFile.Line(at), name, reason));

    private YamlNode? Child(string key) =>
        _mapping!.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private string? TextOf(YamlNode value, string name, bool vietnamese)
    {
        if (value is not YamlScalarNode { Value: { } text } || string.IsNullOrWhiteSpace(text))
        {
            Report(value, name, "must be a non-empty text");
            return null;
        }

        if (vietnamese && VietnameseText.Problem(text) is { } reason)
            Report(value, name, reason);
        return text;
    }

    private List<string>? ListOf(YamlNode value, string name, bool vietnamese)
    {
        if (value is not YamlSequenceNode sequence)
        {
            Report(value, name, "must be a list");
            return null;
        }

        var items = new List<string>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (TextOf(sequence.Children[i], $"{name}[{i}]", vietnamese) is { } text)
                items.Add(text);
        }

        return items;
    }
}
