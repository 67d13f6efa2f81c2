namespace ATTT.Monitor.Collector.Detection;

/// <summary>Configuration section <c>Detection</c>.</summary>
public sealed class DetectionOptions
{
    public const string Section = "Detection";

    /// <summary>
    /// Rule files or folders (read recursively). Empty: the repository's <c>rules/</c> folder, looked
    /// for beside and above the executable, then beside and above the working directory.
    /// </summary>
    public List<string> RulePaths { get; set; } = [];

    /// <summary>Logsource mapping file; null uses the engine's shipped mapping.</summary>
    public string? MappingPath { get; set; }

    /// <summary>
    /// Which rules of the installed pack (<c>attt rules update</c>) are loaded: core, core+ (default),
    /// core++ or all (see <see cref="Packs.RuleProfile"/>). The product's own pack is always loaded whole.
    /// </summary>
    public string Profile { get; set; } = Packs.RuleProfile.DefaultName;

    /// <summary>
    /// The channels the agents collect: only the installed pack's rules that can match an event of
    /// one of them are loaded (Hayabusa's channel filter). Empty: the agent's default subscription
    /// (<see cref="DefaultChannels"/>); <c>*</c>: every channel. The channels of the stored events
    /// are always added (checked every <see cref="ChannelCheckInterval"/>).
    /// </summary>
    public List<string> Channels { get; set; } = [];

    /// <summary>The agent's default subscription (agents/…/Sources/WindowsChannels.cs); the two must name the same channels.</summary>
    public static IReadOnlyList<string> DefaultChannels { get; } =
    [
        "Security", "System", "Microsoft-Windows-Windows Defender/Operational", "Microsoft-Windows-PowerShell/Operational",
        "Windows PowerShell", "Microsoft-Windows-Sysmon/Operational", "Microsoft-Windows-TaskScheduler/Operational",
    ];

    /// <summary>The channel filter in force; null loads rules for every channel.</summary>
    public IReadOnlyList<string>? ChannelFilter => Channels.Count == 0 ? DefaultChannels : Channels.Contains("*") ? null : Channels;

    /// <summary>The most stored channels added to the channel filter (an agent's channel names are its own to choose).</summary>
    public const int MaxStoredChannels = 1000;

    /// <summary>How often the store is asked whether events of a channel the pack was not loaded for have arrived.</summary>
    public TimeSpan ChannelCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Rule files changing in a burst (an editor's save, a git pull) are reloaded once, this long after the last change.</summary>
    public TimeSpan ReloadDebounce { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Threads evaluating the per-event rules of a slice at once; 0: one per processor. Correlations
    /// always run on one thread, in event order. Default 1: one thread evaluates about 100,000
    /// events per second with every rule loaded, far above what ingest can store on the same cores,
    /// and splitting each slice over the cores cost 20-35% more CPU per event (the workers' start and
    /// wait for every slice; measured with <c>ATTT.Monitor.Sigma.Bench detector</c>), CPU that ingest
    /// needs when the machine is saturated.
    /// </summary>
    public int EvaluationWorkers { get; set; } = 1;

    /// <summary>The worker count in force.</summary>
    public int Workers => EvaluationWorkers > 0 ? EvaluationWorkers : Environment.ProcessorCount;

    /// <summary>Events read from the store per slice.</summary>
    public int SliceSize { get; set; } = 1000;

    /// <summary>Slices waiting between stages; a full channel makes the earlier stage wait (back-pressure).</summary>
    public int ChannelCapacity { get; set; } = 4;

    /// <summary>Longest sleep when no event arrives (the ingest signal normally wakes the pipeline earlier).</summary>
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Wait before retrying a slice whose incidents could not be written.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
