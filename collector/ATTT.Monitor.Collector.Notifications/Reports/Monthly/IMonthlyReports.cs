namespace ATTT.Monitor.Collector.Reports.Monthly;

/// <summary>
/// The monthly security report as the dashboard reads it: the same numbers the scheduled mail sends,
/// built on demand for one unit and month.
/// </summary>
public interface IMonthlyReports
{
    Task<MonthlySecurityReport> BuildAsync(string unit, int year, int month, CancellationToken cancellationToken);

    /// <summary>Every unit a report is made for: those with incidents or enrolled agents, and the configured ones.</summary>
    Task<IReadOnlyList<string>> UnitsAsync(CancellationToken cancellationToken);

    byte[] RenderPdf(MonthlySecurityReport report);
}
