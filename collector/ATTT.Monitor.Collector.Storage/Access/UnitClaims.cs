namespace ATTT.Monitor.Collector.Access;

/// <summary>
/// Claims that decide which units' data a dashboard user sees. A user has one <see cref="Unit"/>
/// claim per unit (a commune officer: one); the value <see cref="AllUnits"/> grants every unit
/// (province users). A user without any unit claim sees nothing. The name differs from the agent
/// token's unit claim on purpose: an agent is never a dashboard user.
/// </summary>
public static class UnitClaims
{
    public const string Unit = "attt:user_unit";
    public const string AllUnits = "*";
}
