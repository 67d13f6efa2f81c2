using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Suppression;

/// <summary>The unit value that means "every unit" (province scope), the same as the users' all-units claim.</summary>
public static class SuppressionUnits
{
    public const string All = UnitClaims.AllUnits;

    public static bool Covers(string settingUnit, string eventUnit) =>
        settingUnit == All || string.Equals(settingUnit, eventUnit, StringComparison.Ordinal);
}
