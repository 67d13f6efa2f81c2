using ATTT.Monitor.Agent.Configuration;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Sources;

/// <summary>Builds the source named by <c>--source</c>: <c>windows</c>, <c>evtx:PATH</c> or <c>jsonl:PATH</c>.</summary>
internal static class SourceFactory
{
    public static IEventSource Create(AgentSettings settings, ILogger logger, EventLog.ChannelStates? channelStates = null)
    {
        var spec = settings.Source.Trim();
        if (spec.Equals("windows", StringComparison.OrdinalIgnoreCase))
        {
            return OperatingSystem.IsWindows()
                ? new EventLog.EventLogSource(new EventLog.WindowsEventLog(), settings.Channels, channelStates ?? new EventLog.ChannelStates(), TimeProvider.System, logger)
                : throw new ArgumentException("The 'windows' source works on Windows only; on this system use --source evtx:PATH or --source jsonl:PATH.");
        }

        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var kind = colon > 0 ? spec[..colon] : "";
        var path = colon > 0 ? spec[(colon + 1)..] : "";
        if (path.Length == 0 || !(File.Exists(path) || Directory.Exists(path)))
        {
            if (kind is "evtx" or "jsonl")
                throw new ArgumentException($"The source path '{path}' (from --source {spec}) does not exist.");
            throw new ArgumentException($"--source '{spec}' is not windows, evtx:PATH or jsonl:PATH.");
        }

        return kind switch
        {
            "evtx" => new EvtxReplaySource(path, settings.ReplayRate, logger),
            "jsonl" => new JsonlReplaySource(path, settings.ReplayRate, logger),
            _ => throw new ArgumentException($"--source '{spec}' is not windows, evtx:PATH or jsonl:PATH."),
        };
    }
}
