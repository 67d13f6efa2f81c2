using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Dashboard.Forms;
using ATTT.Monitor.Collector.Dashboard.Security;
using ATTT.Monitor.Collector.Notifications.Options;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Collector.Users;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ATTT.Monitor.Collector.Dashboard.Pages.Settings;

/// <summary>
/// Settings (administrators only, by the folder convention): users; contacts and routing as the
/// configuration defines them (read-only here: the notification area reads them from configuration,
/// see docs/notifications.md); events retention, which a province administrator may change. What a
/// commune administrator may do is decided by the services (docs/roles.md); a refusal answers 403
/// with its reason.
/// </summary>
public sealed class IndexModel(UserStore users, DashboardAudit audit, TimeProvider time, IOptions<NotificationsOptions> notificationsOptions, EventRetentionSettings retention, EventStoreOptions storeOptions) : PageModel
{
    public IReadOnlyList<DashboardUser> Users { get; private set; } = [];
    public NotificationsOptions? Notifications { get; private set; }
    public RetentionSetting? Retention { get; private set; }
    public bool RetentionApplies => storeOptions.Kind.Equals(EventStoreOptions.SqliteKind, StringComparison.OrdinalIgnoreCase);
    public bool MayChangeRetention => AdministrationPolicy.ChangeRetention(Caller).IsAllowed;

    /// <summary>The administrator's unit; null for the province. A commune administrator's forms keep it fixed.</summary>
    public string? OwnUnit => Caller.Unit;
    public DateTimeOffset Now => time.GetUtcNow();
    public string? MessageKey { get; private set; }
    public object?[] MessageArgs { get; private set; } = [];
    public bool IsError { get; private set; }

    private Caller Caller => Caller.FromUser(User);

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

        try
        {
            // The store writes the audit record in the same transaction as the value.
            await retention.SetAsync(Caller, value, cancellationToken);
        }
        catch (AccessRefusedException e)
        {
            return await RefuseAsync(e, cancellationToken);
        }

        return Done("Settings.RetentionSaved", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task<IActionResult> OnPostCreateAsync(string userName, string displayName, string role, string? unit, CancellationToken cancellationToken)
    {
        var password = PasswordPolicy.GenerateOneTimePassword();
        try
        {
            var created = await users.CreateAsync(Caller, userName ?? "", displayName ?? "", role ?? "", unit, password, mustChangePassword: true, cancellationToken);
            await audit.WriteAsync(User, "users", "created", "user:" + created.UserName, $"role={created.Role}; unit={created.Unit ?? "*"}", cancellationToken);
            return Done("Users.Created", created.UserName, password);
        }
        catch (UserValidationException e)
        {
            Show(e.TextKey);
            IsError = true;
        }
        catch (AccessRefusedException e)
        {
            return await RefuseAsync(e, cancellationToken);
        }

        return await ReloadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostUpdateAsync(long id, string role, string? unit, bool disabled, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id, cancellationToken);
        if (user is null)
            return NotFound();
        try
        {
            await users.UpdateAsync(Caller, user, role ?? "", unit, disabled, cancellationToken);
        }
        catch (UserValidationException e)
        {
            Show(e.TextKey);
            IsError = true;
            return await ReloadAsync(cancellationToken);
        }
        catch (AccessRefusedException e)
        {
            return await RefuseAsync(e, cancellationToken);
        }

        await audit.WriteAsync(User, "users", "updated", "user:" + user.UserName, $"role={role}; unit={UserStore.NormalizeUnit(unit) ?? "*"}; disabled={disabled}", cancellationToken);
        return Done("Users.Saved");
    }

    public async Task<IActionResult> OnPostResetAsync(long id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id, cancellationToken);
        if (user is null)
            return NotFound();
        string password;
        try
        {
            password = await users.ResetPasswordAsync(Caller, user, cancellationToken);
        }
        catch (AccessRefusedException e)
        {
            return await RefuseAsync(e, cancellationToken);
        }

        await audit.WriteAsync(User, "users", "password_reset", "user:" + user.UserName, null, cancellationToken);
        return Done("Users.PasswordReset", user.UserName, password);
    }

    /// <summary>
    /// Post/redirect/get after a change: the message (with a one-time password, if any) goes through
    /// TempData, so a reload neither repeats the change nor shows the password again.
    /// </summary>
    private RedirectToPageResult Done(string key, params string[] args)
    {
        FlashMessage.Set(TempData, key, false, args);
        return RedirectToPage();
    }

    private void Show(string key, params object?[] args)
    {
        MessageKey = key;
        MessageArgs = args;
    }

    /// <summary>The page again with the reason of the refusal, as 403 (the service has audited it).</summary>
    private async Task<IActionResult> RefuseAsync(AccessRefusedException refusal, CancellationToken cancellationToken)
    {
        Show(refusal.RefusalKey);
        IsError = true;
        await LoadAsync(cancellationToken);
        var page = Page();
        page.StatusCode = StatusCodes.Status403Forbidden;
        return page;
    }

    private async Task<IActionResult> ReloadAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (MessageKey is null && FlashMessage.Take(TempData) is { } flash)
        {
            Show(flash.Key, [.. flash.Args]);
            IsError = flash.IsError;
        }

        var caller = Caller;
        Users = await users.ListAsync(caller, cancellationToken);
        Notifications = notificationsOptions?.Value is { } options ? VisibleNotifications(caller, options) : null;
        Retention = await retention.GetAsync(cancellationToken);
    }

    /// <summary>The routes that apply to the caller's units and the contacts they name (every one for the province).</summary>
    private static NotificationsOptions VisibleNotifications(Caller caller, NotificationsOptions options)
    {
        if (caller.IsProvince)
            return options;
        var routes = options.Routes.Where(r => AdministrationPolicy.MaySeeRoute(caller, r.Units)).ToList();
        var named = routes.SelectMany(r => r.To.Concat(r.Cc)).Concat(options.EscalationContacts).ToHashSet(StringComparer.Ordinal);
        return new NotificationsOptions
        {
            Contacts = options.Contacts.Where(c => named.Contains(c.Id)).ToList(),
            Routes = routes,
            EscalationContacts = options.EscalationContacts,
            DrillRecipients = options.DrillRecipients,
            Smtp = options.Smtp,
        };
    }
}
