using ATTT.Monitor.Agent.Pipeline;
using ATTT.Monitor.Agent.Sources;
using ATTT.Monitor.Agent.Spool;
using ATTT.Monitor.Agent.Transport;

namespace ATTT.Monitor.Agent.Configuration;

/// <summary>Everything <c>attt-agent run</c> needs: the YAML file's values, then command-line options over them.</summary>
public sealed class AgentSettings
{
    public Uri? Collector { get; set; }
    public string? StateDirectory { get; set; }
    public string Source { get; set; } = "windows";
    public bool ExitWhenDrained { get; set; }
    public string? EnrollCode { get; set; }
    public string? TokenFile { get; set; }

    /// <summary>Replay sources only: events per second (0: as fast as possible).</summary>
    public double ReplayRate { get; set; }

    public SpoolOptions Spool { get; } = new();
    public TransportOptions Transport { get; } = new();
    public PipelineOptions Pipeline { get; } = new();
    public List<WindowsChannel> Channels { get; } = [.. WindowsChannels.Defaults()];
}
