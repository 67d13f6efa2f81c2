namespace ATTT.Monitor.Collector.Access;

/// <summary>
/// Names of the authorization policies the collector's areas put on their endpoints. The dashboard
/// area defines what each one requires (roles, its sign-in scheme); an area below it only names them.
/// </summary>
public static class AccessPolicies
{
    /// <summary>Any signed-in dashboard user.</summary>
    public const string Dashboard = "Dashboard";

    /// <summary>Changing incidents, creating enrollment codes (admin, officer).</summary>
    public const string Triage = "Dashboard.Triage";

    /// <summary>Scheduling and running drills, signing off steps (admin, coordinator).</summary>
    public const string Drills = "Dashboard.Drills";

    /// <summary>Settings, revoking PCs, re-queueing dead letters (admin).</summary>
    public const string Admin = "Dashboard.Admin";
}
