namespace ATTT.Monitor.Collector.Access;

/// <summary>
/// Units are stored by the name the operator gave them ("Xã Sảng Mộc"), except the unit every agent
/// and playbook has when none is given, stored as the code <see cref="Default"/>: this names it for
/// people, on pages, in mails and in reports alike.
/// </summary>
public static class UnitNames
{
    /// <summary>The unit of <c>attt agents enroll-code</c> without --unit, and Drills:DefaultUnit's default.</summary>
    public const string Default = "default";

    public static string Vietnamese(string unit) => unit == Default ? "Đơn vị mặc định" : unit;

    public static string English(string unit) => unit == Default ? "Default unit" : unit;
}
