namespace ATTT.Monitor.Testing;

/// <summary>How <see cref="CollectorTestHost"/> starts the collector.</summary>
public sealed class CollectorTestHostOptions
{
    /// <summary>The data folder; null: a fresh temporary folder, deleted when the host is disposed.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Settings as <c>--Section:Key=value</c> arguments (the host's command-line configuration).</summary>
    public IReadOnlyList<string> Settings { get; init; } = [];

    /// <summary>Written as JSON to a file in the data folder and passed as <c>--config</c>, when set.</summary>
    public object? Configuration { get; init; }

    /// <summary>The collector's clock; null: a new <see cref="TestClock"/> (fixed start, real speed).</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Registrations added after the collector's own (e.g. a logger provider that records what is logged).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? Services { get; init; }

    /// <summary>Runs after the state database is initialised and before the collector starts (accounts, seeds).</summary>
    public Func<IServiceProvider, Task>? BeforeStart { get; init; }
}
