namespace ATTT.Monitor.Collector.Detection;

/// <summary>
/// Wraps the rule catalog so every detector it hands out drops the matches an
/// <see cref="IDetectionSuppressor"/> rejects. The pipeline is unaware of it: a suppressed match is
/// neither counted as a hit nor written as an incident. With no suppressor the catalog's detector is
/// returned as it is.
/// </summary>
internal sealed class SuppressingDetectorSource(IDetectorSource inner, IEnumerable<IDetectionSuppressor> suppressors) : IDetectorSource
{
    private readonly IDetectionSuppressor[] _suppressors = suppressors.ToArray();

    public long Version => inner.Version;

    public IDetector CreateDetector()
    {
        var detector = inner.CreateDetector();
        return _suppressors.Length == 0 ? detector : new SuppressingDetector(detector, _suppressors);
    }
}
