using System.Globalization;

namespace ATTT.Monitor.Search.Bench;

/// <summary>The generated commune(s): 50 PCs in 5 units of 10, a year of events from a fixed start.</summary>
internal static class Commune
{
    public const int Pcs = 50;
    public const int Units = 5;
    public static readonly DateTimeOffset Start = new(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Span = TimeSpan.FromDays(365);

    public static string Pc(int i) => string.Create(CultureInfo.InvariantCulture, $"PC-XA{i % Units + 1}-{i / Units + 1:D2}");

    public static string Unit(int pc) => string.Create(CultureInfo.InvariantCulture, $"xa-{pc % Units + 1}");

    public static string Agent(int pc) => string.Create(CultureInfo.InvariantCulture, $"a_bench_{pc:D2}");
}
