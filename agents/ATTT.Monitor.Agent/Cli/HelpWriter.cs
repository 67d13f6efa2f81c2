namespace ATTT.Monitor.Agent.Cli;

/// <summary><c>--help</c> of the program and of each command, Vietnamese first, then English.</summary>
internal static class HelpWriter
{
    private static readonly CommandOption[] Common =
    [
        new("--verbose", null, "Hiện chi tiết lỗi (stack trace) / Show stack traces and extra detail on errors."),
        new("-h, --help", null, "Hiện hướng dẫn này / Show this help."),
    ];

    public static void WriteProgram(TextWriter output, IReadOnlyList<AgentCommand> commands)
    {
        output.WriteLine("attt-agent: tác tử ATTT Monitor, gửi nhật ký sự kiện Windows và trạng thái diệt virus về máy chủ thu thập.");
        output.WriteLine("  ATTT Monitor agent: forwards Windows event logs and antivirus status to the collector.");
        output.WriteLine();
        output.WriteLine("Cách dùng / Usage:");
        output.WriteLine("  attt-agent COMMAND [options]");
        output.WriteLine("  attt-agent COMMAND --help");
        output.WriteLine();
        output.WriteLine("Lệnh / Commands:");
        var width = commands.Max(c => c.Name.Length) + 2;
        foreach (var command in commands)
            output.WriteLine($"  {command.Name.PadRight(width)}{command.Description}");
        output.WriteLine();
        WriteOptions(output, "Tùy chọn chung / Common options:", [.. Common, new("--version", null, "Phiên bản / Show the version.")]);
    }

    public static void WriteCommand(TextWriter output, AgentCommand command)
    {
        output.WriteLine($"attt-agent {command.Name}: {command.Description}");
        output.WriteLine();
        output.WriteLine("Cách dùng / Usage:");
        output.WriteLine($"  {command.Usage}");
        output.WriteLine();
        WriteOptions(output, "Tùy chọn / Options:", [.. command.Options, .. Common]);
    }

    private static void WriteOptions(TextWriter output, string title, IReadOnlyList<CommandOption> options)
    {
        output.WriteLine(title);
        var width = options.Max(o => Left(o).Length) + 2;
        foreach (var option in options)
        {
            var notes = option.Required ? " (bắt buộc / required)" : option.DefaultValue is { } d ? $" [mặc định / default: {d}]" : "";
            output.WriteLine($"  {Left(option).PadRight(width)}{option.Description}{notes}");
        }
    }

    private static string Left(CommandOption option) => option.IsFlag ? option.Name : $"{option.Name} {option.ValueName}";
}
