namespace ATTT.Monitor.Collector.Access;

/// <summary>
/// Who may do which administrative action, in one place (docs/roles.md shows the same rules as a
/// table). A commune user (one unit) never reaches beyond its unit; a province user (no unit) reaches
/// every unit. Settings that apply to every unit at once (retention, dead letters) are the province
/// administrator's. A session still on a one-time password may only change that password. Each
/// service calls the method of its action at the top, through <see cref="AccessGuard"/>.
/// </summary>
public static class AdministrationPolicy
{
    /// <summary>Sees the user list (only the users of its own unit for a commune administrator, see <see cref="MaySeeUser"/>).</summary>
    public static AccessDecision ListUsers(Caller caller) => Role(caller, UserRoles.Admin);

    public static bool MaySeeUser(Caller caller, string? userUnit) =>
        ListUsers(caller).IsAllowed && (caller.IsProvince || Same(caller.Unit, userUnit));

    /// <summary>Creates an account of <paramref name="unit"/> (null: a province account).</summary>
    public static AccessDecision CreateUser(Caller caller, string? unit) =>
        Role(caller, UserRoles.Admin).Then(() => IntoUnit(caller, unit));

    /// <summary>Changes the role, unit or disabled flag of the account <paramref name="targetId"/>, now of <paramref name="targetUnit"/>.</summary>
    public static AccessDecision ChangeUser(Caller caller, long targetId, string? targetUnit, string? newUnit) =>
        Role(caller, UserRoles.Admin)
            .Then(() => InUnit(caller, targetUnit))
            .Then(() => targetId == caller.UserId && !caller.IsProvince && !Same(caller.Unit, newUnit)
                ? AccessDecision.Refused("Access.OwnUnit", "a commune administrator cannot clear or change its own unit")
                : IntoUnit(caller, newUnit));

    /// <summary>Gives the account a new one-time password and shows it to the caller.</summary>
    public static AccessDecision ResetPassword(Caller caller, string? targetUnit) =>
        Role(caller, UserRoles.Admin).Then(() => InUnit(caller, targetUnit));

    /// <summary>Changes one's own password: the one action a one-time-password session may do.</summary>
    public static AccessDecision ChangeOwnPassword(Caller caller, long targetId) =>
        targetId == caller.UserId
            ? AccessDecision.Allowed
            : AccessDecision.Refused("Access.OwnPasswordOnly", "a user changes only their own password");

    /// <summary>Creates an enrollment code for PCs of <paramref name="unit"/>: the unit's IT officer installs the agent.</summary>
    public static AccessDecision CreateEnrollmentCode(Caller caller, string unit) =>
        Role(caller, UserRoles.Admin, UserRoles.Officer).Then(() => InUnit(caller, unit));

    /// <summary>Changes how long events are kept: one value for every unit.</summary>
    public static AccessDecision ChangeRetention(Caller caller) => ProvinceAdmin(caller);

    /// <summary>Sees or re-queues the notification dead letters, which span every unit.</summary>
    public static AccessDecision ManageDeadLetters(Caller caller) => ProvinceAdmin(caller);

    /// <summary>
    /// Sees a notification route that applies to <paramref name="routeUnits"/> (empty: every unit).
    /// Contacts and routes are changed only in the configuration file, never from the dashboard.
    /// </summary>
    public static bool MaySeeRoute(Caller caller, IReadOnlyCollection<string> routeUnits)
    {
        ArgumentNullException.ThrowIfNull(routeUnits);
        return ListUsers(caller).IsAllowed && (caller.IsProvince || routeUnits.Count == 0 || routeUnits.Contains(caller.Unit!, StringComparer.Ordinal));
    }

    /// <summary>
    /// Disables or enables a rule, adds or removes a false-positive filter for <paramref name="unit"/>
    /// (<see cref="UnitClaims.AllUnits"/>: every unit, which only a province user may do).
    /// </summary>
    public static AccessDecision ChangeSuppression(Caller caller, string unit) =>
        Role(caller, UserRoles.Admin, UserRoles.Officer).Then(() => unit == UnitClaims.AllUnits && !caller.IsProvince
            ? AccessDecision.Refused("Access.AllUnitsProvinceOnly", "only a province user may change a setting for every unit")
            : InUnit(caller, unit));

    /// <summary>
    /// Changes incidents (assign, state, comment), one or many at once. The incidents themselves are
    /// reached only within <see cref="Caller.Scope"/>: another unit's incident is not found.
    /// </summary>
    public static AccessDecision TriageIncidents(Caller caller) => Role(caller, UserRoles.Admin, UserRoles.Officer);

    /// <summary>
    /// Marks an incident of <paramref name="incidentUnit"/> a personal-data breach, which starts the
    /// 72 h clock of a notice to the data-protection agency: the unit's administrator or the province's.
    /// </summary>
    public static AccessDecision MarkPersonalDataBreach(Caller caller, string incidentUnit) =>
        Role(caller, UserRoles.Admin).Then(() => InUnit(caller, incidentUnit));

    /// <summary>Starts now a drill whose playbook runs in <paramref name="drillUnit"/>.</summary>
    public static AccessDecision StartDrill(Caller caller, string drillUnit) =>
        Role(caller, UserRoles.Admin, UserRoles.Coordinator).Then(() => InUnit(caller, drillUnit));

    private static AccessDecision ProvinceAdmin(Caller caller) =>
        Role(caller, UserRoles.Admin).Then(() => caller.IsProvince
            ? AccessDecision.Allowed
            : AccessDecision.Refused("Access.ProvinceOnly", "only a province administrator may change what applies to every unit"));

    private static AccessDecision Role(Caller caller, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.MustChangePassword)
            return AccessDecision.Refused("Access.PasswordChangeRequired", "the session is still on a one-time password");
        return roles.Contains(caller.Role, StringComparer.Ordinal)
            ? AccessDecision.Allowed
            : AccessDecision.Refused("Access.RoleNotAllowed", $"role '{caller.Role}' may not do this");
    }

    /// <summary>The target already belongs to <paramref name="unit"/> (null: the province).</summary>
    private static AccessDecision InUnit(Caller caller, string? unit) =>
        caller.IsProvince || Same(caller.Unit, unit)
            ? AccessDecision.Allowed
            : AccessDecision.Refused("Access.OtherUnit", $"'{caller.Unit}' may not act on {(unit is null ? "the province" : $"unit '{unit}'")}");

    /// <summary>The target is to belong to <paramref name="unit"/> (null: the province).</summary>
    private static AccessDecision IntoUnit(Caller caller, string? unit) =>
        caller.IsProvince || Same(caller.Unit, unit)
            ? AccessDecision.Allowed
            : unit is null
                ? AccessDecision.Refused("Access.ProvinceAccount", $"'{caller.Unit}' may not create or make a province (unit-less) account")
                : AccessDecision.Refused("Access.OtherUnit", $"'{caller.Unit}' may not move an account to unit '{unit}'");

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.Ordinal);
}
