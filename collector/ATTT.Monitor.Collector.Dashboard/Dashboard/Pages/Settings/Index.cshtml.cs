using ATTT.Monitor.Collector.Dashboard.Security;
using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Users;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Dashboard.Pages.Settings;

/// <summary>
/// Settings (administrators only, by the folder convention): users; contacts and routing as the
/// configuration defines them (read-only here: the notification area reads them from configuration,
/// see docs/notifications.md); events retention, which an administrator may change.
/// </summary>
public sealed class IndexModel(UserStore users, DashboardAudit audit, TimeProvider time, IOptions<NotificationsOptions> notificationsOptions, EventRetentionSettings retention, EventStoreOptions storeOptions) : PageModel
{
    public IReadOnlyList<DashboardUser> Users { get; private set; } = [];
    public NotificationsOptions? Notifications { get; private set; }
    public RetentionSetting? Retention { get; private set; }
    public bool RetentionApplies => storeOptions.Kind.Equals(EventStoreOptions.SqliteKind, StringComparison.OrdinalIgnoreCase);
    public DateTimeOffset Now => time.GetUtcNow();
    public string? MessageKey { get; private set; }
    public object?[] MessageArgs { get; private set; } = [];
    public bool IsError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRetentionAsync(string? days, CancellationToken cancellationToken)
    {
        if (!int.TryParse(days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || value is < EventRetentionSettings.MinDays or > EventRetentionSettings.MaxDays)
        {
            Show("Settings.RetentionInvalid", EventRetentionSettings.MinDays, EventRetentionSettings.MaxDays);
            IsError = true;
            return await ReloadAsync(cancellationToken);
        }

        // The store writes the audit record in the same transaction as the value.
        await retention.SetAsync(value, DashboardAudit.ActorName(User), cancellationToken);
        Show("Settings.RetentionSaved", value);
        return await ReloadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(string userName, string displayName, string role, string? unit, CancellationToken cancellationToken)
    {
        var password = PasswordPolicy.GenerateOneTimePassword();
        try
        {
            var created = await users.CreateAsync(userName ?? "", displayName ?? "", role ?? "", unit, password, mustChangePassword: true, cancellationToken);
            await audit.WriteAsync(User, "users", "created", "user:" + created.UserName, $"role={created.Role}; unit={created.Unit ?? "*"}", cancellationToken);
            Show("Users.Created", created.UserName, password);
        }
        catch (UserValidationException e)
        {
            Show(e.TextKey);
            IsError = true;
        }

        return await ReloadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostUpdateAsync(long id, string role, string? unit, bool disabled, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id, cancellationToken);
        if (user is null)
            return NotFound();
        // An administrator who locks themselves out leaves the commune without one.
        if (user.Id == User.UserId() && (role != UserRoles.Admin || disabled))
        {
            Show("Users.CannotChangeSelf");
            IsError = true;
            return await ReloadAsync(cancellationToken);
        }

        try
        {
            await users.UpdateAsync(id, role ?? "", unit, disabled, cancellationToken);
        }
        catch (UserValidationException e)
        {
            Show(e.TextKey);
            IsError = true;
            return await ReloadAsync(cancellationToken);
        }

        await audit.WriteAsync(User, "users", "updated", "user:" + user.UserName, $"role={role}; unit={(string.IsNullOrWhiteSpace(unit) ? "*" : unit.Trim())}; disabled={disabled}", cancellationToken);
        Show("Users.Saved");
        return await ReloadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostResetAsync(long id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id, cancellationToken);
        if (user is null)
            return NotFound();
        var password = PasswordPolicy.GenerateOneTimePassword();
        await users.SetPasswordAsync(user, password, mustChangePassword: true, cancellationToken);
        await audit.WriteAsync(User, "users", "password_reset", "user:" + user.UserName, null, cancellationToken);
        Show("Users.PasswordReset", user.UserName, password);
        return await ReloadAsync(cancellationToken);
    }

    private void Show(string key, params object?[] args)
    {
        MessageKey = key;
        MessageArgs = args;
    }

    private async Task<IActionResult> ReloadAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Users = await users.ListAsync(cancellationToken);
        Notifications = notificationsOptions?.Value;
        Retention = await retention.GetAsync(cancellationToken);
    }
}
