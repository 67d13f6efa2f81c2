namespace ATTT.Monitor.Collector.Reports.Monthly;

/// <summary>Antivirus across a unit's PCs: protected = enabled with real-time protection and fresh signatures.</summary>
public sealed record AntivirusSummary(int Reporting, int Protected, double? MaxSignatureAgeDays, double? AverageSignatureAgeDays, IReadOnlyList<string> StaleOrUnprotected)
{
    public double CoveragePercent => Reporting == 0 ? 0 : Math.Round(100.0 * Protected / Reporting, 1);
}
