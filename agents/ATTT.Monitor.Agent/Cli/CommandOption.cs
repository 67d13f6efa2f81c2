namespace ATTT.Monitor.Agent.Cli;

/// <summary>
/// One option of an <c>attt-agent</c> command: <c>--name VALUE</c>, or a flag when
/// <see cref="ValueName"/> is null. The description is Vietnamese first, then English.
/// </summary>
internal sealed record CommandOption(string Name, string? ValueName, string Description, bool Required = false, string? DefaultValue = null)
{
    public bool IsFlag => ValueName is null;
}
