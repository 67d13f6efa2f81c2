namespace ATTT.Monitor.Collector.Dashboard.Localization;

internal static partial class TextsEn
{
    // Why AdministrationPolicy refused an action (docs/roles.md).
    private static Dictionary<string, string> Access => new()
    {
        ["Access.Refused"] = "Your account may not do this.",
        ["Access.RoleNotAllowed"] = "Your role may not do this.",
        ["Access.OtherUnit"] = "You may act only within your own unit; this belongs to another unit.",
        ["Access.ProvinceAccount"] = "A commune administrator creates and changes users of its own unit only; province users (no unit) are created by a province administrator.",
        ["Access.OwnUnit"] = "You cannot clear or change your own unit; ask a province administrator.",
        ["Access.ProvinceOnly"] = "Only a province administrator may change this setting, because it applies to every unit.",
        ["Access.AllUnitsProvinceOnly"] = "Only a province user may change this for every unit; choose your own unit.",
        ["Access.OwnPasswordOnly"] = "Each user changes only their own password.",
        ["Access.PasswordChangeRequired"] = "Change your one-time password before doing anything else.",
        ["Audit.refused"] = "Refused (not allowed)",
    };
}
