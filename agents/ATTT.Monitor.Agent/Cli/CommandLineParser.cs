namespace ATTT.Monitor.Agent.Cli;

/// <summary>
/// Parses <c>attt-agent COMMAND [--option VALUE | --option=VALUE | --flag]...</c>. Written for the
/// agent's four commands instead of using System.CommandLine, whose parser, converters and resources
/// stayed compiled and resident for the agent's whole life (about 1 MB of the 30 MB footprint target;
/// docs/agent.md, "Footprint"). <c>--help</c> (<c>-h</c>, <c>-?</c>) and <c>--verbose</c> are accepted
/// anywhere, <c>--version</c> before the command. An option given twice is an error, not "last wins".
/// </summary>
internal sealed class CommandLineParser(IReadOnlyList<AgentCommand> commands)
{
    public ParseOutcome Parse(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new ParsedCommand(output, error);
        var errors = new List<string>();
        AgentCommand? command = null;
        bool help = false, version = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h" or "-?")
            {
                help = true;
            }
            else if (arg == "--verbose")
            {
                values.Verbose = true;
            }
            else if (command is null)
            {
                if (arg == "--version")
                    version = true;
                else if (!arg.StartsWith('-') && Find(arg) is { } found)
                    command = found;
                else
                    errors.Add(arg.StartsWith('-')
                        ? $"Unknown option '{arg}': give a command first (attt-agent {Names()} ...)."
                        : $"Unknown command '{arg}': the commands are {Names()}.");
            }
            else
            {
                i = ReadOption(command, args, i, values, errors);
            }
        }

        if (help || version)
            return new ParseOutcome(command, values, [], help, version && !help);
        if (command is null)
        {
            if (errors.Count == 0)
                errors.Add($"No command given: attt-agent {Names()}.");
        }
        else
        {
            foreach (var option in command.Options)
            {
                if (values.Has(option.Name))
                    continue;
                if (option.Required)
                    errors.Add($"Option '{option.Name}' is required.");
                else if (option.DefaultValue is { } fallback)
                    values.TrySet(option.Name, fallback);
            }

            if (errors.Count == 0) // how the options combine is judged once each one is well formed
                errors.AddRange(command.Validate(values));
        }

        return new ParseOutcome(command, values, errors, false, false);
    }

    /// <summary>Reads the option at <paramref name="index"/> (and its value); returns the index of the last argument used.</summary>
    private static int ReadOption(AgentCommand command, IReadOnlyList<string> args, int index, ParsedCommand values, List<string> errors)
    {
        var arg = args[index];
        if (!arg.StartsWith("--", StringComparison.Ordinal))
        {
            errors.Add($"Unexpected argument '{arg}' for 'attt-agent {command.Name}' (options are written --name VALUE).");
            return index;
        }

        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        var name = equals > 0 ? arg[..equals] : arg;
        var inline = equals > 0 ? arg[(equals + 1)..] : null;
        if (command.Find(name) is not { } option)
        {
            errors.Add($"Unknown option '{name}' for 'attt-agent {command.Name}'.");
            return index;
        }

        string value;
        if (option.IsFlag)
        {
            value = (inline ?? "true").ToLowerInvariant();
            if (value is not ("true" or "false"))
            {
                errors.Add($"Option '{name}' takes no value (or =true, =false), not '{inline}'.");
                return index;
            }
        }
        else if (inline is not null)
        {
            value = inline;
        }
        else if (index + 1 < args.Count && !args[index + 1].StartsWith("--", StringComparison.Ordinal))
        {
            value = args[++index];
        }
        else
        {
            errors.Add($"Option '{name}' needs a value ({option.ValueName}).");
            return index;
        }

        if (!values.TrySet(name, value))
            errors.Add($"Option '{name}' is given more than once.");
        return index;
    }

    private AgentCommand? Find(string name)
    {
        foreach (var command in commands)
        {
            if (command.Name == name)
                return command;
        }

        return null;
    }

    private string Names() => string.Join('|', commands.Select(c => c.Name));
}
