namespace ATTT.Monitor.Collector.Detection;

/// <summary>
/// The current rule set, which changes when rule files change. The pipeline asks for a new
/// <see cref="IDetector"/> whenever <see cref="Version"/> moves.
/// </summary>
public interface IDetectorSource
{
    /// <summary>Grows by one each time a new rule set is put in service.</summary>
    long Version { get; }

    IDetector CreateDetector();
}
