using System.Globalization;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Dashboard.Security;
using ATTT.Monitor.Collector.Notifications.Queries;
using ATTT.Monitor.Collector.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ATTT.Monitor.Collector.Dashboard.Pages.Notifications;

/// <summary>
/// The notification outbox's dead letters (messages that could not be delivered, kept rather than
/// dropped), "send again" once the cause is fixed, and "give up" (never sent). Province administrators only: the list spans
/// every commune's incidents.
/// </summary>
[Authorize(Policy = DashboardPolicies.Admin)]
public sealed class DeadLettersModel(INotificationQueries notificationQueries, DashboardAudit audit) : PageModel
{
    public const int Limit = 200;

    public IReadOnlyList<NoticeView>? Letters { get; private set; }
    public IReadOnlyDictionary<string, long> Counts { get; private set; } = new Dictionary<string, long>();
    public long? Requeued { get; private set; }
    public long? GivenUp { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!AdministrationPolicy.ManageDeadLetters(Caller.FromUser(User)).IsAllowed)
            return Forbid(DashboardPolicies.Scheme);
        if (long.TryParse(Request.Query["requeued"], CultureInfo.InvariantCulture, out var id))
            Requeued = id;
        if (long.TryParse(Request.Query["givenup"], CultureInfo.InvariantCulture, out var given))
            GivenUp = given;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRequeueAsync(long id, CancellationToken cancellationToken)
    {
        if (!AdministrationPolicy.ManageDeadLetters(Caller.FromUser(User)).IsAllowed)
            return Forbid(DashboardPolicies.Scheme);
        if (notificationQueries is not { } queries)
            return NotFound();
        var letter = (await queries.GetDeadLettersAsync(Limit, cancellationToken)).FirstOrDefault(l => l.Id == id);
        if (letter is null)
            return NotFound();
        await queries.RequeueAsync(id, cancellationToken);
        await audit.WriteAsync(User, "notifications", "outbox_requeued", string.Create(CultureInfo.InvariantCulture, $"outbox:{id}"),
            $"{letter.RecipientEmail}: {letter.Subject}", cancellationToken);
        return RedirectToPage(new { requeued = id });
    }

    /// <summary>Only an administrator gives a message up; the row stays, with who did it, as the record that it was never delivered.</summary>
    public async Task<IActionResult> OnPostGiveUpAsync(long id, CancellationToken cancellationToken)
    {
        if (User.OwnUnit() is not null)
            return Forbid(DashboardPolicies.Scheme);
        if (notificationQueries is not { } queries)
            return NotFound();
        var letter = (await queries.GetDeadLettersAsync(Limit, cancellationToken)).FirstOrDefault(l => l.Id == id);
        if (letter is null || !await queries.GiveUpAsync(id, User.Identity?.Name ?? "admin", cancellationToken))
            return NotFound();
        await audit.WriteAsync(User, "notifications", "outbox_given_up", string.Create(CultureInfo.InvariantCulture, $"outbox:{id}"),
            $"{letter.RecipientEmail}: {letter.Subject}", cancellationToken);
        return RedirectToPage(new { givenup = id });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (notificationQueries is not { } queries)
            return;
        Letters = await queries.GetDeadLettersAsync(Limit, cancellationToken);
        Counts = await queries.GetOutboxCountsAsync(cancellationToken);
    }
}
