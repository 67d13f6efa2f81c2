using System.Text.Json;
using ATTT.Monitor.Collector.Access;
using ATTT.Monitor.Collector.Audit;

namespace ATTT.Monitor.Collector.Packs;

/// <summary>
/// Reads and changes <c>rule-packs/tuning.json</c>. Changes are for administrators (the noisy-rule
/// list and all-units tuning for province administrators, a unit's tuning also for its own), are
/// audited, and are written as a temporary file renamed over the old one, so a crash leaves either
/// the old or the new list. The rule catalog reads it at each (re)load; the caller reloads it after a change.
/// </summary>
public sealed class RuleTuningStore(RulePackLayout layout, IAuditLog audit, TimeProvider time)
{
    public const string AuditArea = "rules";
    private static readonly string[] Levels = ["informational", "low", "medium", "high", "critical"];
    private readonly AccessGuard _guard = new(audit, time);
    private readonly Lock _gate = new();

    /// <summary>The tuning on disk; empty when there is none.</summary>
    /// <exception cref="RulePackException">The file is damaged (names the file and the reason).</exception>
    public RuleTuning Read() => Read(layout.TuningPath);

    public static RuleTuning Read(string path)
    {
        if (!File.Exists(path))
            return RuleTuning.Empty;
        try
        {
            var tuning = JsonSerializer.Deserialize(File.ReadAllText(path), RulePackJson.Default.RuleTuning);
            return tuning is null ? RuleTuning.Empty : new RuleTuning(tuning.Noisy ?? [], tuning.Levels ?? []);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new RulePackException($"{path}: the rule tuning cannot be read ({ex.Message}).", ex);
        }
    }

    public Task AddNoisyAsync(string ruleId, string reason, Caller caller, CancellationToken cancellationToken) =>
        ChangeAsync(caller, LevelTuning.UnitClaimsAll, "noisy_added", ruleId, $"reason={reason}", t =>
            t.Noisy.Any(n => n.RuleId == ruleId) ? null : t with { Noisy = [.. t.Noisy, new NoisyRule(ruleId, reason.Trim(), caller.Name, time.GetUtcNow())] }, cancellationToken);

    public Task RemoveNoisyAsync(string ruleId, Caller caller, CancellationToken cancellationToken) =>
        ChangeAsync(caller, LevelTuning.UnitClaimsAll, "noisy_removed", ruleId, null, t =>
            t.Noisy.Any(n => n.RuleId == ruleId) ? t with { Noisy = t.Noisy.Where(n => n.RuleId != ruleId).ToList() } : null, cancellationToken);

    /// <summary>Sets the rule's level in <paramref name="unit"/>; an empty <paramref name="level"/> removes the tuning.</summary>
    public Task SetLevelAsync(string ruleId, string unit, string? level, Caller caller, CancellationToken cancellationToken)
    {
        level = level?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(level) && !Levels.Contains(level))
            throw new ArgumentException($"level '{level}' is not one of {string.Join(", ", Levels)}", nameof(level));
        return ChangeAsync(caller, unit, string.IsNullOrEmpty(level) ? "level_removed" : "level_set", ruleId, $"unit={unit}; level={level}", t =>
        {
            var others = t.Levels.Where(l => !(l.RuleId == ruleId && l.Unit == unit)).ToList();
            if (string.IsNullOrEmpty(level))
                return others.Count == t.Levels.Count ? null : t with { Levels = others };
            return t with { Levels = [.. others, new LevelTuning(ruleId, unit, level, caller.Name, time.GetUtcNow())] };
        }, cancellationToken);
    }

    private async Task ChangeAsync(Caller caller, string unit, string action, string ruleId, string? details, Func<RuleTuning, RuleTuning?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        var decision = caller.Role == UserRoles.Admin
            ? AdministrationPolicy.ChangeSuppression(caller, unit)
            : AccessDecision.Refused("Access.RoleNotAllowed", "only an administrator may tune rules");
        await _guard.DemandAsync(decision, caller, AuditArea, action, "rule:" + ruleId, cancellationToken).ConfigureAwait(false);
        bool written;
        lock (_gate)
        {
            var next = change(Read());
            written = next is not null;
            if (next is not null)
                Write(next);
        }

        if (!written)
            return;
        await audit.WriteAsync(new AuditEntry(AuditArea, action, caller.Name, "rule:" + ruleId, details, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }

    private void Write(RuleTuning tuning)
    {
        Directory.CreateDirectory(layout.Root);
        var temp = layout.TuningPath + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(tuning, RulePackJson.Default.RuleTuning));
        File.Move(temp, layout.TuningPath, overwrite: true);
    }
}
