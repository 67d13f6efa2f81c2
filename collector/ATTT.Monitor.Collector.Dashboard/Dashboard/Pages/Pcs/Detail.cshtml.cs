using ATTT.Monitor.Collector.Dashboard.Forms;
using ATTT.Monitor.Collector.Dashboard.Security;
using ATTT.Monitor.Collector.Dashboard.Workstations;
using ATTT.Monitor.Collector.Incidents;
using ATTT.Monitor.Collector.Plan;
using ATTT.Monitor.Collector.Posture;
using ATTT.Monitor.Collector.Storage;
using ATTT.Monitor.Events.Wire.Agents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ATTT.Monitor.Collector.Access;

namespace ATTT.Monitor.Collector.Dashboard.Pages.Pcs;

/// <summary>
/// One PC: inventory, antivirus posture and its history, its incidents and the events its agent
/// sent. A PC of a unit the user may not see is a 404, like an absent one. Admins may revoke the
/// agent here (audited); its token stops working at once.
/// </summary>
public sealed class DetailModel(IAgentRegistry agentRegistry, IIncidentService incidentService, IEventStore eventStore, PcDirectory directory, PlanIndicatorService plan, DetectionEvidence evidence, SilentPcs silentPcs, IAuthorizationService authorization, DashboardAudit audit, TimeProvider time) : PageModel
{
    public const int EventsPerPage = 25;
    public const int HistoryRows = 50;

    public PcSummary Pc { get; private set; } = null!;
    public bool HasPosture => directory.HasPosture;
    public IReadOnlyList<PostureChange> History { get; private set; } = [];
    public PcIncidents? Incidents { get; private set; }
    public EventPage? Events { get; private set; }
    public bool CanRevoke { get; private set; }

    /// <summary>The latest posture report as the agent sent it (inventory, certificates, Defender, channels); null before the first.</summary>
    public PostureReport? Report { get; private set; }
    public PcPlanCheck? Plan { get; private set; }
    public IReadOnlyList<BatchLosses> Losses { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    public string? SuccessKey { get; private set; }
    public string? ErrorKey { get; private set; }

    /// <summary>Events older than this stored id (paging; absent: the newest).</summary>
    [BindProperty(SupportsGet = true, Name = "before")]
    public long? Before { get; set; }

    public const int EvidencePerPage = 25;

    /// <summary>The low and informational detections on this PC that opened no incident, newest first.</summary>
    public IReadOnlyList<TimelineEntry> Evidence { get; private set; } = [];
    public bool HasMoreEvidence { get; private set; }

    /// <summary>Evidence page, from 1.</summary>
    [BindProperty(SupportsGet = true, Name = "evidence")]
    public int EvidencePage { get; set; } = 1;

    /// <summary>The PC as the silence check last saw it: silent in working hours (a posture problem), or null.</summary>
    public SilentPc? SilentInWorkingHours { get; private set; }
    public DateTimeOffset? SilenceCheckedAt { get; private set; }

    /// <summary>The page of open incidents shown (from 1).</summary>
    [BindProperty(SupportsGet = true, Name = "ip")]
    public int IncidentPage { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRevokeAsync(string id, bool confirm, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, DashboardPolicies.Admin)).Succeeded)
            return Forbid(DashboardPolicies.Scheme);
        // Scope first: a PC of another unit does not exist for this user, even for an admin of a commune.
        var pc = await directory.GetAsync(id, User, cancellationToken);
        if (pc is null || agentRegistry is not { } registry)
            return NotFound();
        Before = null;
        if (!confirm)
        {
            // Nothing changed: the page again with the reason, so the confirmation can be ticked.
            ErrorKey = "Pcs.RevokeConfirmNeeded";
            await LoadAsync(id, cancellationToken);
            return Page();
        }

        if (!pc.Agent.Revoked)
        {
            await registry.RevokeAsync(pc.Agent.AgentId, cancellationToken);
            await audit.WriteAsync(User, "agents", "agent_revoked", "agent:" + pc.Agent.AgentId, $"unit: {pc.Agent.Unit}; host: {pc.Agent.Host}", cancellationToken);
        }

        // Post/redirect/get: a reload does not post the revocation again.
        FlashMessage.Set(TempData, "Pcs.RevokeDone");
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await directory.GetAsync(id, User, cancellationToken) is not { } pc)
            return false;
        if (FlashMessage.Take(TempData) is { Key: "Pcs.RevokeDone" } done)
            SuccessKey = done.Key;
        Pc = pc;
        History = await directory.HistoryAsync(pc, HistoryRows, cancellationToken);
        if (incidentService is { } incidents)
            Incidents = await PcIncidents.LoadAsync(incidents, pc.Agent, UnitScope.FromUser(User), HistoryRows, IncidentPage, cancellationToken);
        if (eventStore is { } events)
            Events = await events.ListByAgentAsync(pc.Agent.Unit, pc.Agent.AgentId, Before, EventsPerPage, cancellationToken);
        (Report, Plan) = await plan.CheckOneAsync(pc.Agent, cancellationToken);
        Now = time.GetUtcNow();
        if (eventStore is { } store)
            Losses = await store.ListLossesAsync(DateTimeOffset.UnixEpoch, Now.AddDays(1), pc.Agent.AgentId, HistoryRows, cancellationToken);
        await LoadSignalAsync(pc, cancellationToken);
        CanRevoke = !pc.Agent.Revoked && (await authorization.AuthorizeAsync(User, DashboardPolicies.Admin)).Succeeded;
        return true;
    }

    private async Task LoadSignalAsync(PcSummary pc, CancellationToken cancellationToken)
    {
        EvidencePage = Math.Max(1, EvidencePage);
        // One more than a page tells whether an older page exists.
        var rows = await evidence.ForHostAsync(pc.Agent.Unit, pc.Agent.Host, UnitScope.FromUser(User), EvidencePerPage + 1, cancellationToken,
            pc.Agent.IsDrill, (EvidencePage - 1) * EvidencePerPage);
        HasMoreEvidence = rows.Count > EvidencePerPage;
        Evidence = rows.Take(EvidencePerPage).ToList();
        SilentInWorkingHours = silentPcs.Current.FirstOrDefault(s => s.AgentId == pc.Agent.AgentId);
        SilenceCheckedAt = silentPcs.CheckedAt;
    }
}
