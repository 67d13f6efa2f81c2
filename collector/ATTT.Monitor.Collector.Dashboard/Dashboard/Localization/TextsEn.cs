using System.Collections.Frozen;

namespace ATTT.Monitor.Collector.Dashboard.Localization;

/// <summary>
/// English, chosen by the switch in the header. Keys shared with <see cref="TextsVi"/>. The texts are kept per page area in the
/// TextsEn.*.cs files; <see cref="TextTables.Merge"/> refuses a key defined in two areas.
/// </summary>
internal static partial class TextsEn
{
    public static FrozenDictionary<string, string> All { get; } = TextTables.Merge(Common, IncidentWords.English(), Incidents, Pcs, Plan, Rules, Reports, Drills, Access, Notices, Signal, Events, Desk);

    // The sign-in, layout, users and other texts shared by several pages.
    private static Dictionary<string, string> Common => new()
    {
        ["AppName"] = "ATTT Monitor",
        ["AppTagline"] = "Information security monitoring",
        ["SkipToContent"] = "Skip to main content",
        ["Nav.Overview"] = "Overview",
        ["Nav.Incidents"] = "Incidents",
        ["Nav.Pcs"] = "PCs",
        ["Nav.Rules"] = "Rules",
        ["Nav.Drills"] = "Drills",
        ["Nav.Settings"] = "Settings",
        ["Nav.Main"] = "Main navigation",
        ["SwitchLanguage"] = "Tiếng Việt",
        ["SwitchLanguageLabel"] = "Switch to Vietnamese",
        ["SignIn"] = "Sign in",
        ["SignOut"] = "Sign out",
        ["SignIn.Title"] = "Sign in to security monitoring",
        ["UserName"] = "User name",
        ["Password"] = "Password",
        ["SignIn.Wrong"] = "Wrong user name or password.",
        ["SignIn.Locked"] = "The account is locked after too many failed sign-ins. Try again in 15 minutes or ask an administrator.",
        ["SignIn.Disabled"] = "The account is disabled.",
        ["Province"] = "Province (all units)",
        ["Unit"] = "Unit",
        ["Role"] = "Role",
        ["Role.admin"] = "Administrator",
        ["Role.officer"] = "Officer",
        ["Role.coordinator"] = "Drill coordinator",
        ["Role.viewer"] = "Viewer",
        ["Password.Title"] = "Change password",
        ["Password.MustChange"] = "You signed in with a one-time password. Choose a new password to continue.",
        ["Password.Current"] = "Current password",
        ["Password.New"] = "New password",
        ["Password.Confirm"] = "Repeat the new password",
        ["Password.Save"] = "Save password",
        ["Password.Saved"] = "Password changed.",
        ["Password.CurrentWrong"] = "The current password is wrong.",
        ["Password.Mismatch"] = "The two new passwords differ.",
        ["PasswordTooShort"] = "The password must have at least 10 characters.",
        ["PasswordContainsUserName"] = "The password must not contain the user name.",
        ["UserNameInvalid"] = "User names use letters without accents, digits, dot, dash, underscore (2–64 characters).",
        ["UserNameTaken"] = "That user name exists already.",
        ["RoleInvalid"] = "Unknown role.",
        ["NotAvailable"] = "This feature is not available in this version yet.",
        ["Users.Title"] = "Users",
        ["Users.Create"] = "Add user",
        ["Users.DisplayName"] = "Full name",
        ["Users.UnitHelp"] = "Leave empty for a province user (sees every unit).",
        ["Users.Created"] = "Account {0} created. One-time password: {1}",
        ["Users.Locked"] = "Locked",
        ["Users.Disabled"] = "Disabled",
        ["Users.Active"] = "Active",
        ["Users.Save"] = "Save",
        ["Users.Saved"] = "Changes saved.",
        ["Users.ResetPassword"] = "Issue new password",
        ["Users.PasswordReset"] = "New one-time password of {0}: {1}",
        ["Users.CannotChangeSelf"] = "You cannot demote or disable yourself.",
        ["Actions"] = "Actions",
        ["Status"] = "Status",
        ["Yes"] = "Yes",
        ["No"] = "No",
        ["Forbidden.Title"] = "Not allowed",
        ["Forbidden.Text"] = "Your account may not do this.",
        ["Footer"] = "Times are shown in Vietnam time (UTC+7).",
        ["SignedInAs"] = "Signed in: {0}",
        ["Status.NotFound"] = "Not found",
        ["Status.NotFound.Text"] = "This page or incident does not exist, or belongs to a unit you may not see.",
        ["Status.BadRequest"] = "Bad request",
        ["Status.BadRequest.Text"] = "The form expired or is invalid. Reload the page and try again.",
        ["Status.Error"] = "Something went wrong",
        ["Status.Error.Text"] = "The system failed to handle the request. Try again later.",
    };
}
