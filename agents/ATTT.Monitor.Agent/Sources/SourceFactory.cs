using ATTT.Monitor.Agent.Configuration;
using ATTT.Monitor.Inputs;
using Microsoft.Extensions.Logging;

namespace ATTT.Monitor.Agent.Sources;

/// <summary>
/// Builds the source named by <c>--source</c>: <c>windows</c>, or a replay of a file or folder.
/// The three replay names differ only in which files of a folder they take (a file named on its
/// own is always read, whatever it holds): <c>evtx:</c> .evtx files; <c>jsonl:</c> JSON files
/// (.json, .jsonl, .ndjson) and zip archives; <c>replay:</c> all of them.
/// </summary>
internal static class SourceFactory
{
    private const string Kinds = "windows, evtx:PATH, jsonl:PATH or replay:PATH";

    public static IEventSource Create(AgentSettings settings, ILogger logger)
    {
        var spec = settings.Source.Trim();
        if (spec.Equals("windows", StringComparison.OrdinalIgnoreCase))
        {
            return OperatingSystem.IsWindows()
                ? new WindowsEventSource(settings.Channels, logger)
                : throw new ArgumentException("The 'windows' source works on Windows only; on this system use --source replay:PATH (or evtx:PATH, jsonl:PATH).");
        }

        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var kind = colon > 0 ? spec[..colon] : "";
        var path = colon > 0 ? spec[(colon + 1)..] : "";
        InputKinds? kinds = kind switch
        {
            "evtx" => InputKinds.Evtx,
            "jsonl" => InputKinds.Json | InputKinds.Zip,
            "replay" => InputKinds.All,
            _ => null,
        };
        if (kinds is null)
            throw new ArgumentException($"--source '{spec}' is not {Kinds}.");
        if (path.Length == 0 || !(File.Exists(path) || Directory.Exists(path)))
            throw new ArgumentException($"The source path '{path}' (from --source {spec}) does not exist.");
        return new ReplaySource(path, kinds.Value, settings.ReplayRate, logger);
    }
}
