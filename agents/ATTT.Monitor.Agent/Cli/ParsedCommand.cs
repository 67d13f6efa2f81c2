using System.Globalization;

namespace ATTT.Monitor.Agent.Cli;

/// <summary>The options given to one command (defaults filled in), with typed reads that name a bad value.</summary>
internal sealed class ParsedCommand
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public ParsedCommand(TextWriter output, TextWriter error)
    {
        Output = output;
        Error = error;
    }

    public TextWriter Output { get; }
    public TextWriter Error { get; }

    /// <summary><c>--verbose</c>: stack traces and extra detail on errors.</summary>
    public bool Verbose { get; set; }

    public bool Has(string option) => _values.ContainsKey(option);

    public string? Text(string option) => _values.GetValueOrDefault(option);

    /// <summary>The value as a full path (relative to the current folder), or null when not given.</summary>
    public string? FullPath(string option) => Text(option) is { } path ? Path.GetFullPath(path) : null;

    public double? Number(string option)
    {
        if (Text(option) is not { } text)
            return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= 0
            ? value
            : throw new AgentUsageException($"{option} '{text}' is not a number such as 50 or 0.5.");
    }

    /// <summary>False when a flag was not given, true when given bare (or <c>--flag=true</c>).</summary>
    public bool Flag(string option) => Text(option) is { } text && text == "true";

    internal bool TrySet(string option, string value) => _values.TryAdd(option, value);
}
