using System.Security.Claims;

namespace ATTT.Monitor.Collector.Access;

/// <summary>The units a caller may see: every unit (<see cref="All"/>) or a fixed set (possibly empty).</summary>
public sealed class UnitScope
{
    private readonly HashSet<string>? _units;

    private UnitScope(HashSet<string>? units) => _units = units;

    public static UnitScope All { get; } = new(null);

    public static UnitScope Of(IEnumerable<string> units) => new(new HashSet<string>(units, StringComparer.Ordinal));

    /// <summary>From the user's <see cref="UnitClaims.Unit"/> claims.</summary>
    public static UnitScope FromUser(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var units = user.FindAll(UnitClaims.Unit).Select(c => c.Value).ToList();
        return units.Contains(UnitClaims.AllUnits, StringComparer.Ordinal) ? All : Of(units);
    }

    /// <summary>Null means every unit.</summary>
    public IReadOnlyCollection<string>? Units => _units;

    public bool IsAll => _units is null;

    public bool Allows(string unit) => _units is null || _units.Contains(unit);
}
