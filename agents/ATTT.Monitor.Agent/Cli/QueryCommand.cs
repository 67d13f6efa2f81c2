using ATTT.Monitor.Agent.Configuration;

namespace ATTT.Monitor.Agent.Cli;

/// <summary>
/// <c>attt-agent query [--channel NAME] [--config FILE]</c>: prints the structured XML query
/// (QueryList) the agent subscribes to each channel with, exactly as it passes it to Windows, so an
/// officer can paste it into Event Viewer (Filter Current Log → XML → Edit query manually) and see
/// that Windows accepts it and what it selects. Works on any OS.
/// </summary>
internal static class QueryCommand
{
    private const string Channel = "--channel", Config = "--config";

    public static AgentCommand Create() => new(
        "query",
        "In truy vấn XML mà tác tử dùng cho từng kênh nhật ký, để dán vào Event Viewer / Print the QueryList XML the agent subscribes with, per channel, to paste into Event Viewer.",
        "attt-agent query [--channel NAME] [--config FILE]",
        [
            new(Channel, "NAME", "Chỉ in kênh này, ví dụ Security / Only this channel, e.g. Security."),
            new(Config, "FILE", "Tệp cấu hình YAML (mục channels) / YAML configuration file whose 'channels' are used."),
        ],
        RunAsync);

    private static async Task<int> RunAsync(ParsedCommand values, CancellationToken ct)
    {
        var settings = AgentConfigFile.Load(values.FullPath(Config));

        var channels = settings.Channels.AsEnumerable();
        if (values.Text(Channel) is { } name)
        {
            channels = settings.Channels.Where(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (!channels.Any())
                throw new AgentUsageException($"--channel '{name}' is not one of the configured channels: {string.Join(", ", settings.Channels.Select(c => c.Name))}.");
        }

        var first = true;
        foreach (var channel in channels)
        {
            if (!first)
                await values.Output.WriteLineAsync().ConfigureAwait(false);
            first = false;
            // One QueryList per channel: the agent subscribes to each on its own (one bookmark each), and
            // Event Viewer's filter of one log takes one. The comment line is valid XML and says which log to open.
            await values.Output.WriteLineAsync($"<!-- {channel.Name.Replace("--", "- -", StringComparison.Ordinal)}{(channel.Optional ? " (optional)" : "")} -->").ConfigureAwait(false);
            await values.Output.WriteAsync(channel.Query().AsMemory(), ct).ConfigureAwait(false);
        }

        await values.Output.FlushAsync(ct).ConfigureAwait(false);
        return AgentExitCodes.Success;
    }
}
