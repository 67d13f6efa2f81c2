namespace ATTT.Monitor.Collector.Detection;

/// <summary>
/// A detector's state kept between events: the correlation state of real events and that of drill
/// events (each as the Sigma engine saves it), so neither can complete the other's correlations.
/// </summary>
public sealed record DetectorState(byte[] Real, byte[] Drill);
