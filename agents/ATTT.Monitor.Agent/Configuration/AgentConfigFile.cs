using System.Globalization;
using ATTT.Monitor.Agent.Sources;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ATTT.Monitor.Agent.Configuration;

/// <summary>
/// Reads the agent's YAML file (docs/agent.md shows every key). Read node by node rather than by
/// reflection so the trimmed single-file build keeps working; an unknown key or a bad value is an
/// error that names the file, line and key.
/// </summary>
public static class AgentConfigFile
{
    /// <summary>The defaults with <paramref name="path"/> applied (none: the defaults); a bad file is a usage error (exit 2).</summary>
    internal static AgentSettings Load(string? path)
    {
        var settings = new AgentSettings();
        if (path is null)
            return settings;
        try
        {
            Apply(path, settings);
        }
        catch (FormatException ex)
        {
            throw new Cli.AgentUsageException(ex.Message, ex);
        }

        return settings;
    }

    public static void Apply(string path, AgentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var yaml = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            yaml.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new FormatException($"{path} line {ex.Start.Line}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"The configuration file {path} cannot be read: {ex.Message}", ex);
        }

        if (yaml.Documents.Count == 0)
            return;
        if (yaml.Documents[0].RootNode is not YamlMappingNode root)
            throw Error(path, yaml.Documents[0].RootNode, "the file must be a mapping of keys to values");
        foreach (var (keyNode, value) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            switch (key)
            {
                case "collector": settings.Collector = ParseUri(path, value); break;
                case "state": settings.StateDirectory = Scalar(path, value); break;
                case "source": settings.Source = Scalar(path, value); break;
                case "enroll_code": settings.EnrollCode = Scalar(path, value); break;
                case "token_file": settings.TokenFile = Scalar(path, value); break;
                case "exit_when_drained": settings.ExitWhenDrained = Bool(path, value); break;
                case "replay_rate": settings.ReplayRate = Number(path, value); break;
                case "heartbeat_interval": settings.Pipeline.HeartbeatInterval = Duration(path, value); break;
                case "spool": ApplySpool(path, value, settings); break;
                case "transport": ApplyTransport(path, value, settings); break;
                case "batch": ApplyBatch(path, value, settings); break;
                case "posture": ApplyPosture(path, value, settings); break;
                case "channels": ApplyChannels(path, value, settings); break;
                default: throw Error(path, keyNode, $"unknown key '{key}'");
            }
        }
    }

    private static void ApplySpool(string path, YamlNode node, AgentSettings s)
    {
        foreach (var (key, value) in Mapping(path, node))
        {
            switch (key)
            {
                case "max_mb": s.Spool.MaxBytes = (long)(Number(path, value) * 1024 * 1024); break;
                case "segment_mb": s.Spool.SegmentBytes = (long)(Number(path, value) * 1024 * 1024); break;
                case "fsync": s.Spool.FsyncEveryBatch = Bool(path, value); break;
                default: throw Error(path, value, $"unknown key 'spool.{key}'");
            }
        }
    }

    private static void ApplyTransport(string path, YamlNode node, AgentSettings s)
    {
        foreach (var (key, value) in Mapping(path, node))
        {
            switch (key)
            {
                case "pinned_sha256":
                    s.Transport.PinnedSha256.Clear();
                    foreach (var pin in value is YamlSequenceNode seq ? seq.Children : [value])
                    {
                        var text = Scalar(path, pin);
                        try
                        {
                            Transport.CertificatePinning.NormalizePin(text);
                        }
                        catch (FormatException ex)
                        {
                            throw Error(path, pin, ex.Message);
                        }

                        s.Transport.PinnedSha256.Add(text);
                    }

                    break;
                case "allow_plain_http": s.Transport.AllowPlainHttp = Bool(path, value); break;
                case "timeout": s.Transport.AttemptTimeout = Duration(path, value); break;
                case "retries": s.Transport.MaxRetryAttempts = (int)Number(path, value); break;
                case "retry_max_delay": s.Transport.RetryMaxDelay = Duration(path, value); break;
                case "break_duration": s.Transport.BreakDuration = Duration(path, value); break;
                case "unavailable_pause": s.Pipeline.UnavailablePause = Duration(path, value); break;
                default: throw Error(path, value, $"unknown key 'transport.{key}'");
            }
        }
    }

    private static void ApplyBatch(string path, YamlNode node, AgentSettings s)
    {
        foreach (var (key, value) in Mapping(path, node))
        {
            switch (key)
            {
                case "max_events": s.Pipeline.MaxBatchEvents = Math.Clamp((int)Number(path, value), 1, Events.Wire.EventBatch.MaxEvents); break;
                case "flush_interval": s.Pipeline.FlushInterval = Duration(path, value); break;
                default: throw Error(path, value, $"unknown key 'batch.{key}'");
            }
        }
    }

    private static void ApplyPosture(string path, YamlNode node, AgentSettings s)
    {
        foreach (var (key, value) in Mapping(path, node))
        {
            switch (key)
            {
                case "poll": s.Pipeline.PosturePoll = Duration(path, value); break;
                case "check": s.Pipeline.PostureCheck = Duration(path, value); break;
                default: throw Error(path, value, $"unknown key 'posture.{key}'");
            }
        }
    }

    private static void ApplyChannels(string path, YamlNode node, AgentSettings s)
    {
        if (node is not YamlSequenceNode list)
            throw Error(path, node, "'channels' must be a list");
        s.Channels.Clear();
        foreach (var item in list.Children)
        {
            var channel = new WindowsChannel();
            foreach (var (key, value) in Mapping(path, item))
            {
                switch (key)
                {
                    case "name": channel.Name = Scalar(path, value); break;
                    case "event_ids": channel.EventIds = EventIds(path, value); break;
                    case "filter": throw Error(path, value, "'channels[].filter' (an XPath) is replaced by 'event_ids', e.g. event_ids: \"4624, 4700-4800, -4735\"");
                    case "optional": channel.Optional = Bool(path, value); break;
                    default: throw Error(path, value, $"unknown key 'channels[].{key}'");
                }
            }

            if (channel.Name.Length == 0)
                throw Error(path, item, "a channel needs a 'name'");
            s.Channels.Add(channel);
        }
    }

    private static Sources.Query.EventIdSet EventIds(string path, YamlNode node)
    {
        try
        {
            return Sources.Query.EventIdSet.Parse(Scalar(path, node));
        }
        catch (FormatException ex)
        {
            throw Error(path, node, "event_ids " + ex.Message);
        }
    }

    private static IEnumerable<(string Key, YamlNode Value)> Mapping(string path, YamlNode node) =>
        node is YamlMappingNode map
            ? map.Children.Select(p => (((YamlScalarNode)p.Key).Value ?? "", p.Value))
            : throw Error(path, node, "a mapping of keys to values is expected here");

    private static string Scalar(string path, YamlNode node) =>
        node is YamlScalarNode { Value: { } v } ? v : throw Error(path, node, "a single value is expected here");

    private static bool Bool(string path, YamlNode node) =>
        bool.TryParse(Scalar(path, node), out var b) ? b : throw Error(path, node, "true or false is expected here");

    private static double Number(string path, YamlNode node) =>
        double.TryParse(Scalar(path, node), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0
            ? d : throw Error(path, node, "a non-negative number is expected here");

    private static Uri ParseUri(string path, YamlNode node) =>
        Uri.TryCreate(Scalar(path, node), UriKind.Absolute, out var uri) ? uri : throw Error(path, node, "an absolute URL is expected here");

    /// <summary>Durations as <c>90s</c>, <c>5m</c>, <c>1h</c>, or a number of seconds.</summary>
    public static TimeSpan ParseDuration(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        var unit = t.Length > 0 && char.IsLetter(t[^1]) ? t[^1] : 's';
        var number = char.IsLetter(t[^1]) ? t[..^1] : t;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n < 0)
            throw new FormatException($"'{text}' is not a duration such as 90s, 5m or 1h.");
        return unit switch
        {
            's' => TimeSpan.FromSeconds(n),
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            _ => throw new FormatException($"'{text}' is not a duration such as 90s, 5m or 1h."),
        };
    }

    private static TimeSpan Duration(string path, YamlNode node)
    {
        try
        {
            return ParseDuration(Scalar(path, node));
        }
        catch (FormatException ex)
        {
            throw Error(path, node, ex.Message);
        }
    }

    private static FormatException Error(string path, YamlNode node, string message) =>
        new($"{path} line {node.Start.Line}: {message}.".Replace("..", ".", StringComparison.Ordinal));
}
